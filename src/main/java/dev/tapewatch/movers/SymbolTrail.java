package dev.tapewatch.movers;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;

/**
 * What the movers keep of one symbol: its last five minutes second by second (close and volume, carried over
 * seconds without trades) and its day's volume, in fixed arrays, so a symbol costs the same however long the day.
 */
final class SymbolTrail {
    static final int SECONDS = 301;
    private static final long MINUTE = 60_000;

    private final double[] closes = new double[SECONDS];
    private final double[] volumes = new double[SECONDS];
    private long firstSecond = Long.MIN_VALUE;
    private long lastSecond = Long.MIN_VALUE;
    private double lastClose = Double.NaN;
    private double ownVolumeToday;
    private double providerVolumeToday = Double.NaN;
    private LocalDate day;
    private long dayStart;

    /** Adds a bar of a second not older than the last one (a re-sent latest second replaces it). */
    void add(Bar bar) {
        long second = Math.floorDiv(bar.start(), 1000);
        if (lastSecond != Long.MIN_VALUE && second < lastSecond) {
            return;
        }
        LocalDate barDay = ExchangeTime.dayOf(bar.start());
        if (!barDay.equals(day)) {
            day = barDay;
            dayStart = ExchangeTime.toEpochMillis(barDay, ExchangeTime.PRE_MARKET_OPEN);
            ownVolumeToday = 0;
            providerVolumeToday = Double.NaN;
            firstSecond = second;
            lastSecond = Long.MIN_VALUE;
        }
        if (second == lastSecond) {
            ownVolumeToday += bar.volume() - volumes[slot(second)];
            volumes[slot(second)] = bar.volume();
        } else {
            if (lastSecond != Long.MIN_VALUE) {
                for (long s = Math.max(lastSecond + 1, second - SECONDS + 1); s < second; s++) {
                    closes[slot(s)] = lastClose;
                    volumes[slot(s)] = 0;
                }
            }
            volumes[slot(second)] = bar.volume();
            ownVolumeToday += bar.volume();
            lastSecond = second;
        }
        closes[slot(second)] = bar.close();
        lastClose = bar.close();
        if (!Double.isNaN(bar.accumulatedVolume())) {
            providerVolumeToday = bar.accumulatedVolume();
        }
    }

    double lastClose() {
        return lastClose;
    }

    /** The close as of the end of second {@code second} (epoch s), or NaN when it is before what is kept. */
    double closeAt(long second) {
        if (lastSecond == Long.MIN_VALUE || second < firstSecond || second <= lastSecond - SECONDS) {
            return Double.NaN;
        }
        return second >= lastSecond ? lastClose : closes[slot(second)];
    }

    /** % change from the close as of {@code seconds} before {@code nowSecond} to the last close. */
    double changePct(long nowSecond, int seconds) {
        return pct(lastClose, closeAt(nowSecond - seconds));
    }

    /** The day's volume: the provider's running total where it sends one, else what arrived here. */
    double volumeToday() {
        return Double.isNaN(providerVolumeToday) ? ownVolumeToday : Math.max(providerVolumeToday, ownVolumeToday);
    }

    /** The last minute's volume against today's average minute so far (since 04:00, or since first seen here). */
    double relativeVolume(long nowSecond) {
        double lastMinute = 0;
        for (long s = Math.max(nowSecond - 59, lastSecond - SECONDS + 1); s <= Math.min(nowSecond, lastSecond); s++) {
            lastMinute += volumes[slot(s)];
        }
        long since = Double.isNaN(providerVolumeToday) ? firstSecond * 1000 : dayStart;
        double minutes = Math.max(1, (nowSecond * 1000 + 1000 - since) / (double) MINUTE);
        double averageMinute = volumeToday() / minutes;
        return averageMinute > 0 ? lastMinute / averageMinute : Double.NaN;
    }

    static double pct(double now, double before) {
        return before > 0 && !Double.isNaN(now) ? (now / before - 1) * 100 : Double.NaN;
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, SECONDS);
    }
}
