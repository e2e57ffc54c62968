package dev.tapewatch.app;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import java.time.LocalDate;
import java.util.List;

/**
 * Relative volume: a symbol's volume so far today against its average volume by the same time of day over its
 * recent stored days. Only days recorded through most of the session count (a day with a few minutes stored would
 * make today look busy).
 */
public final class RelativeVolume {
    /** How many earlier stored days the average is over, at most. */
    public static final int DAYS = 10;
    /** A day counts when it holds at least this many second bars (a quarter of a regular session's seconds). */
    static final long MIN_BARS = 5_850;
    private static final int MINUTES = 16 * 60; // 04:00 to 20:00

    private RelativeVolume() {
    }

    /**
     * The average cumulative volume at the end of each minute since 04:00 over up to {@link #DAYS} stored days
     * before {@code today}, or null when no such day is stored.
     */
    public static double[] profile(BarStore store, String symbol, LocalDate today) {
        List<LocalDate> days = store.days(symbol).stream().filter(d -> d.date().isBefore(today))
                .filter(d -> d.bars() >= MIN_BARS).map(DayCount::date).toList();
        days = days.subList(Math.max(0, days.size() - DAYS), days.size());
        if (days.isEmpty()) {
            return null;
        }
        double[] profile = new double[MINUTES];
        for (LocalDate day : days) {
            long open = ExchangeTime.toEpochMillis(day, ExchangeTime.PRE_MARKET_OPEN);
            double[] perMinute = new double[MINUTES];
            store.forEachBar(symbol, open, ExchangeTime.toEpochMillis(day, ExchangeTime.AFTER_HOURS_CLOSE), bar -> {
                int minute = (int) ((bar.start() - open) / 60_000);
                if (minute >= 0 && minute < MINUTES) {
                    perMinute[minute] += bar.volume();
                }
            });
            double cumulative = 0;
            for (int m = 0; m < MINUTES; m++) {
                cumulative += perMinute[m];
                profile[m] += cumulative / days.size();
            }
        }
        return profile;
    }

    /** Today's volume so far over the profile at this time of day; NaN without a profile or before 04:01. */
    public static double ratio(double[] profile, double volumeSoFar, long now) {
        if (profile == null) {
            return Double.NaN;
        }
        LocalDate day = ExchangeTime.dayOf(now);
        int minute = (int) ((now - ExchangeTime.toEpochMillis(day, ExchangeTime.PRE_MARKET_OPEN)) / 60_000) - 1;
        if (minute < 0) {
            return Double.NaN;
        }
        double usual = profile[Math.min(minute, MINUTES - 1)];
        return usual > 0 ? volumeSoFar / usual : Double.NaN;
    }
}
