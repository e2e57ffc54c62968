package dev.tapewatch.ui.chart;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Bars;
import dev.tapewatch.market.Candles;
import dev.tapewatch.market.DayLevels;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.MovingAverage;
import dev.tapewatch.market.SessionVwap;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.ui.common.DayData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one chart update draws, prepared off the FX thread and never changed after: candles at the chosen
 * step (resampled from the stored seconds), the close line (broken where the recording has a gap), volume (apart
 * for candles inside a spike), the volume average over the detector's own window, session VWAP and two moving
 * averages of the close, the day's levels, shaded bands (spikes, coverage gaps, missing seconds, extended hours)
 * and, for a stored day, the time range to show.
 */
public record ChartSnapshot(String symbol, int step, List<Bar> seconds, List<Bar> candles, double[][] ohlc,
                            double[] x, double[] lineX, double[] line, double[] volume, double[] spikeVolume,
                            double[] average, double[] vwap, double[] fastMean, double[] slowMean, DayLevels levels,
                            List<Spike> spikes, List<Coverage.Gap> gaps, List<Coverage.Gap> missing,
                            List<Shade> extendedHours, long[] range) {
    static final int FAST_MEAN = 20;
    static final int SLOW_MEAN = 50;

    /** Pre-market or after-hours time of a day, shaded apart from the regular session. */
    public record Shade(long start, long end, String label) {
    }

    /**
     * What to draw: {@code day} is the symbol's day so far (for VWAP and levels); candles are made from its
     * seconds in [from, to) at {@code step} seconds.
     */
    record Request(String symbol, List<Bar> day, long from, long to, int step, List<Spike> spikes,
                   List<Coverage.Gap> gaps, List<Coverage.Gap> missing, int averageSeconds, double previousClose,
                   long[] range) {
    }

    /** A stored day, shown whole at this step. */
    static ChartSnapshot day(DayData day, int step, int averageSeconds, double previousClose, boolean withRange) {
        return build(new Request(day.symbol(), day.bars(), Long.MIN_VALUE, Long.MAX_VALUE, step, day.spikes(),
                day.gaps(), day.missing(), averageSeconds, previousClose, withRange ? wholeDay(day) : null));
    }

    /** The time a stored day is shown over: its first to its last second, else the trading day. */
    static long[] wholeDay(DayData day) {
        return day.bars().isEmpty()
                ? new long[] {ExchangeTime.toEpochMillis(day.day(), ExchangeTime.PRE_MARKET_OPEN),
                        ExchangeTime.toEpochMillis(day.day(), ExchangeTime.AFTER_HOURS_CLOSE)}
                : new long[] {day.bars().get(0).start(), day.bars().get(day.bars().size() - 1).end()};
    }

    /** Seconds as they are (a step of 1 s), without levels. */
    public static ChartSnapshot of(List<Bar> bars, List<Spike> spikes, List<Coverage.Gap> gaps,
                                   List<Coverage.Gap> missing, int averageSeconds, long[] range) {
        String symbol = bars.isEmpty() ? "" : bars.get(0).symbol();
        return build(new Request(symbol, bars, Long.MIN_VALUE, Long.MAX_VALUE, 1, spikes, gaps, missing,
                averageSeconds, Double.NaN, range));
    }

    static ChartSnapshot build(Request request) {
        List<Bar> day = request.day();
        long stepMillis = request.step() * 1000L;
        long from = request.from() == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(request.from(), stepMillis) * stepMillis;
        int first = Bars.firstAtOrAfter(day, from);
        List<Bar> seconds = day.subList(first, Bars.firstAtOrAfter(day, request.to()));
        List<Bar> candles = Candles.resample(seconds, request.step());
        // the candles before the window that the moving averages need, so they start at its left edge
        List<Bar> warmUp = from == Long.MIN_VALUE ? List.of() : Candles.resample(day.subList(Bars.firstAtOrAfter(day,
                from - (SLOW_MEAN - 1) * stepMillis), first), request.step());
        int n = candles.size();
        double half = request.step() / 2.0;
        double[] x = new double[n];
        double[][] ohlc = new double[7][n]; // x, open, high, low, close, volume, open interest
        double[] volume = new double[n];
        double[] spikeVolume = new double[n];
        int spikeCursor = 0;
        for (int i = 0; i < n; i++) {
            Bar candle = candles.get(i);
            x[i] = candle.start() / 1000.0 + half; // a candle is drawn centred on its middle: it spans its time
            ohlc[0][i] = x[i];
            ohlc[1][i] = candle.open();
            ohlc[2][i] = candle.high();
            ohlc[3][i] = candle.low();
            ohlc[4][i] = candle.close();
            ohlc[5][i] = candle.volume();
            while (spikeCursor < request.spikes().size() && request.spikes().get(spikeCursor).end() <= candle.start()) {
                spikeCursor++;
            }
            boolean inSpike = spikeCursor < request.spikes().size()
                    && request.spikes().get(spikeCursor).start() < candle.end();
            volume[i] = inSpike ? 0 : candle.volume();
            spikeVolume[i] = inSpike ? candle.volume() : 0;
        }
        double[][] line = brokenAtGaps(candles, request.gaps(), half);
        double[] closes = new double[warmUp.size() + n];
        for (int i = 0; i < warmUp.size(); i++) {
            closes[i] = warmUp.get(i).close();
        }
        System.arraycopy(ohlc[4], 0, closes, warmUp.size(), n);
        return new ChartSnapshot(request.symbol(), request.step(), List.copyOf(seconds), List.copyOf(candles), ohlc,
                x, line[0], line[1], volume, spikeVolume, average(candles, request.step(), request.averageSeconds()),
                SessionVwap.atCloses(day, candles), MovingAverage.simple(closes, FAST_MEAN, warmUp.size()),
                MovingAverage.simple(closes, SLOW_MEAN, warmUp.size()), DayLevels.of(day, request.previousClose()),
                List.copyOf(request.spikes()), request.gaps(), request.missing(), extendedHours(day), request.range());
    }

    /** The close line, with a NaN point inside each recording gap so the line is not drawn across it. */
    private static double[][] brokenAtGaps(List<Bar> candles, List<Coverage.Gap> gaps, double half) {
        int n = candles.size();
        double[] lineX = new double[n + gaps.size()];
        double[] line = new double[n + gaps.size()];
        int points = 0;
        int gap = 0;
        for (int i = 0; i < n; i++) {
            Bar candle = candles.get(i);
            while (gap < gaps.size() && gaps.get(gap).end() <= candle.start()) {
                if (i > 0 && gaps.get(gap).start() >= candles.get(i - 1).start()) {
                    lineX[points] = gaps.get(gap).start() / 1000.0;
                    line[points++] = Double.NaN;
                }
                gap++;
            }
            lineX[points] = candle.start() / 1000.0 + half;
            line[points++] = candle.close();
        }
        return new double[][] {java.util.Arrays.copyOf(lineX, points), java.util.Arrays.copyOf(line, points)};
    }

    /**
     * The average volume per candle over the previous {@code averageSeconds} of time (at least 20 candles), with
     * steps without a candle counted as zero, as the detector counts quiet seconds, and only over the time since
     * the first candle (a chart opened at launch otherwise shows the average climbing from zero).
     */
    private static double[] average(List<Bar> candles, int step, int averageSeconds) {
        int n = candles.size();
        double[] average = new double[n];
        long window = step == 1 ? averageSeconds : Math.max(20, (averageSeconds + step - 1) / step);
        long stepMillis = step * 1000L;
        double windowSum = 0;
        int windowStart = 0;
        for (int i = 0; i < n; i++) {
            Bar candle = candles.get(i);
            while (windowStart < i && candles.get(windowStart).start() < candle.start() - window * stepMillis) {
                windowSum -= candles.get(windowStart++).volume();
            }
            long known = (candle.start() - candles.get(0).start()) / stepMillis;
            average[i] = i == 0 ? candle.volume() : windowSum / Math.max(1, Math.min(window, known));
            windowSum += candle.volume();
        }
        return average;
    }

    private static List<Shade> extendedHours(List<Bar> day) {
        if (day.isEmpty()) {
            return List.of();
        }
        List<Shade> shades = new ArrayList<>();
        LocalDate first = ExchangeTime.dayOf(day.get(0).start());
        LocalDate last = ExchangeTime.dayOf(day.get(day.size() - 1).start());
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            shades.add(new Shade(ExchangeTime.toEpochMillis(date, ExchangeTime.PRE_MARKET_OPEN),
                    ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_OPEN), "pre-market"));
            shades.add(new Shade(ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_CLOSE),
                    ExchangeTime.toEpochMillis(date, ExchangeTime.AFTER_HOURS_CLOSE), "after hours"));
        }
        return shades;
    }
}
