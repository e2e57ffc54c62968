package dev.tapewatch.market;

import java.util.List;

/** A day's reference prices: the previous session's close, the day's open, high and low so far; NaN where unknown. */
public record DayLevels(double previousClose, double dayOpen, double high, double low) {
    /**
     * The levels of one symbol's day so far (bars in time order): the open is the provider's official one, else the
     * first regular-session bar's; high and low span every bar, extended hours included.
     */
    public static DayLevels of(List<Bar> day, double previousClose) {
        if (day.isEmpty()) {
            return new DayLevels(previousClose, Double.NaN, Double.NaN, Double.NaN);
        }
        double open = Double.NaN;
        long regularOpen = ExchangeTime.toEpochMillis(ExchangeTime.dayOf(day.get(0).start()), ExchangeTime.REGULAR_OPEN);
        Rollup whole = new Rollup();
        for (Bar bar : day) {
            whole.add(bar);
            if (Double.isNaN(open) && bar.start() >= regularOpen) {
                open = bar.dayOpen() > 0 ? bar.dayOpen() : bar.open();
            }
        }
        return new DayLevels(previousClose, open, whole.high(), whole.low());
    }
}
