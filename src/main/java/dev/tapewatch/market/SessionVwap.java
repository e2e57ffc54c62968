package dev.tapewatch.market;

import java.util.List;

/**
 * Session VWAP: anchored at the regular open for regular and after-hours bars, and at the day's start before it
 * (pre-market VWAP), so the two sessions never mix.
 */
public final class SessionVwap {
    private SessionVwap() {
    }

    /**
     * The session VWAP at each candle's close, over every second of {@code day} up to it (both in time order). NaN
     * where nothing traded yet, and at the first candle of a new session: pre-market VWAP and the session's are two
     * lines, not one with a cliff.
     */
    public static double[] atCloses(List<Bar> day, List<Bar> candles) {
        double[] vwap = new double[candles.size()];
        Rollup session = new Rollup();
        DayCursor days = new DayCursor();
        long anchor = Long.MIN_VALUE;
        int second = 0;
        for (int i = 0; i < candles.size(); i++) {
            Bar candle = candles.get(i);
            for (; second < day.size() && day.get(second).start() < candle.end(); second++) {
                Bar bar = day.get(second);
                long sessionStart = anchor(days, bar.start());
                if (sessionStart != anchor) {
                    anchor = sessionStart;
                    session = new Rollup();
                }
                session.add(bar);
            }
            long candleAnchor = anchor(days, candle.start());
            boolean restarted = i > 0 && anchor(days, candles.get(i - 1).start()) != candleAnchor;
            vwap[i] = !restarted && candleAnchor == anchor ? session.vwap() : Double.NaN;
        }
        return vwap;
    }

    /** Where the session holding this instant (epoch ms) is anchored: the regular open, or the day's start before it. */
    public static long anchor(long time) {
        return anchor(new DayCursor(), time);
    }

    private static long anchor(DayCursor days, long time) {
        days.at(time);
        return time >= days.regularOpen() ? days.regularOpen() : days.start();
    }
}
