package dev.tapewatch.alert;

import dev.tapewatch.market.Spike;

/**
 * Something a trader asked to be told about, with what happened: {@code time} is the market second it fired at
 * (epoch ms, so replays read right), {@code startMs} where the move began; the price went from {@code fromPrice}
 * to {@code price} within {@code low}..{@code high} on {@code volume} shares, {@code dayVolume} traded so far
 * that day. {@code volumeMultiple} (the peak second over the usual) and {@code relativeVolume} (the day's volume so
 * far over the usual by this time) are NaN where not known; {@code what} names the rule ("volume and price spike", "price line 471.00").
 */
public record Alert(long time, String symbol, Kind kind, String what, double score, long startMs, double fromPrice,
                    double price, double low, double high, double volume, double dayVolume,
                    double volumeMultiple, double relativeVolume, Spike.Kind spikeKind) {

    /** What rule fired; {@link #id()} is how settings, flags and deliveries name it. */
    public enum Kind {
        SPIKE, PRICE_LEVEL, PRICE_ABOVE, PRICE_BELOW, CHANGE_FROM_CLOSE, CHANGE_OVER_MINUTES, VWAP_CROSS,
        DAY_HIGH, DAY_LOW, RELATIVE_VOLUME;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Direction {
        UP, DOWN, FLAT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Direction direction() {
        if (!(fromPrice > 0) || price == fromPrice) {
            return Direction.FLAT;
        }
        return price > fromPrice ? Direction.UP : Direction.DOWN;
    }

    /** The move in percent from {@code fromPrice} to {@code price}; NaN without a price before. */
    public double changePercent() {
        return fromPrice > 0 ? (price / fromPrice - 1) * 100 : Double.NaN;
    }

    /** The same alert knowing the relative volume (worked out off the feed's thread). */
    public Alert withRelativeVolume(double value) {
        return new Alert(time, symbol, kind, what, score, startMs, fromPrice, price, low, high, volume, dayVolume,
                volumeMultiple, value, spikeKind);
    }

    /** The one text for the toast, the log, the desktop and every delivery: {@link AlertText#of}. */
    public String text() {
        return AlertText.of(this);
    }
}
