package dev.tapewatch.market;

import java.util.ArrayList;
import java.util.List;

/** Second bars resampled into coarser candles (5 s, 1 min, ...), aligned to whole steps of the clock. */
public final class Candles {
    /** The steps a chart offers, in seconds. */
    public static final List<Integer> STEPS = List.of(1, 5, 15, 30, 60, 300);

    private Candles() {
    }

    /**
     * One candle per step that has bars: open of its first second, close of its last, high and low over all,
     * volume summed and VWAP volume-weighted. Bars must be one symbol's, in time order.
     */
    public static List<Bar> resample(List<Bar> seconds, int stepSeconds) {
        if (stepSeconds <= 1) {
            return seconds;
        }
        long step = stepSeconds * 1000L;
        List<Bar> candles = new ArrayList<>(seconds.size() / stepSeconds + 1);
        int i = 0;
        while (i < seconds.size()) {
            Bar first = seconds.get(i);
            long start = Math.floorDiv(first.start(), step) * step;
            Rollup candle = new Rollup();
            for (; i < seconds.size() && seconds.get(i).start() < start + step; i++) {
                candle.add(seconds.get(i));
            }
            double vwap = candle.volume() > 0 ? candle.vwap() : candle.close();
            candles.add(Bar.of(first.symbol(), start, start + step, candle.open(), candle.high(), candle.low(),
                    candle.close(), candle.volume(), Math.max(candle.low(), Math.min(candle.high(), vwap))));
        }
        return candles;
    }

    /** The smallest offered step at least {@code minimumSeconds} long (the largest if none is). */
    public static int atLeast(double minimumSeconds) {
        for (int step : STEPS) {
            if (step >= minimumSeconds) {
                return step;
            }
        }
        return STEPS.get(STEPS.size() - 1);
    }

    /** "1 s", "5 min". */
    public static String label(int stepSeconds) {
        return stepSeconds < 60 ? stepSeconds + " s" : stepSeconds / 60 + " min";
    }
}
