package dev.tapewatch.alert;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.List;

/**
 * How the price and volume went over a spike: from the close before it to its last close; {@code dayVolume} is the
 * day's volume by its last bar as the provider counted it (NaN where it does not say).
 */
public record SpikeMove(double fromPrice, double price, double low, double high, double volume, double dayVolume) {

    /**
     * The move over {@code spike}'s seconds in {@code bars} (one symbol, time order, from before the spike): from
     * the last close before it (else the first bar's open) to the close of its last bar. Null without a bar in it.
     */
    /** The same move with the day's volume counted by the caller. */
    public SpikeMove withDayVolume(double value) {
        return new SpikeMove(fromPrice, price, low, high, volume, value);
    }

    public static SpikeMove of(List<Bar> bars, Spike spike) {
        double before = Double.NaN;
        double first = Double.NaN;
        double last = Double.NaN;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double volume = 0;
        double dayVolume = Double.NaN;
        for (Bar bar : bars) {
            if (bar.start() < spike.start()) {
                before = bar.close();
            } else if (bar.start() < spike.end()) {
                if (Double.isNaN(first)) {
                    first = bar.open();
                }
                last = bar.close();
                low = Math.min(low, bar.low());
                high = Math.max(high, bar.high());
                volume += bar.volume();
                dayVolume = bar.accumulatedVolume();
            }
        }
        if (Double.isNaN(last)) {
            return null;
        }
        return new SpikeMove(Double.isNaN(before) ? first : before, last, low, high, volume, dayVolume);
    }
}
