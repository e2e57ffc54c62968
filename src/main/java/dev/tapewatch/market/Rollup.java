package dev.tapewatch.market;

/**
 * Open, high, low, close, volume and volume-weighted price of a run of one symbol's bars added in time order: a
 * candle, a selected range, a session so far. The one place these are summed.
 */
public final class Rollup {
    private int count;
    private double open = Double.NaN;
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double close = Double.NaN;
    private double volume;
    private double priced;

    public void add(Bar bar) {
        if (count++ == 0) {
            open = bar.open();
            high = bar.high();
            low = bar.low();
        }
        close = bar.close();
        high = Math.max(high, bar.high());
        low = Math.min(low, bar.low());
        volume += bar.volume();
        priced += bar.vwap() * bar.volume();
    }

    /** How many bars were added. */
    public int count() {
        return count;
    }

    /** The first bar's open; NaN before any. */
    public double open() {
        return open;
    }

    public double high() {
        return high;
    }

    public double low() {
        return low;
    }

    /** The last bar's close; NaN before any. */
    public double close() {
        return close;
    }

    public double volume() {
        return volume;
    }

    /** The bars' VWAPs weighted by their volumes; NaN while nothing traded. */
    public double vwap() {
        return volume > 0 ? priced / volume : Double.NaN;
    }
}
