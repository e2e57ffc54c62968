package dev.tapewatch.market;

import java.util.Locale;

/**
 * A run of consecutive flagged seconds merged into one event.
 * {@code end} is exclusive (the end of the last flagged bar); {@code volumeMultiple} is the peak bar's
 * volume over the symbol's usual volume of a traded second at that moment. {@code kind} says what flagged it
 * (volume, price or both), {@code prints} how its volume came: a burst of many trades or a few large block
 * prints ({@link Prints#NONE} for a spike of price alone).
 */
public record Spike(String symbol, long start, long end, long peakTime, Kind kind, double peakScore,
                    double volumeMultiple, Prints prints) {

    public enum Kind { VOLUME, PRICE, BOTH }

    /** How a volume spike's volume was traded. */
    public enum Prints { BURST, BLOCK, NONE }

    public Spike {
        if (prints == null || (kind == Kind.PRICE) != (prints == Prints.NONE)) {
            throw new IllegalArgumentException("a " + kind + " spike cannot have prints " + prints);
        }
    }

    /** A spike told apart only by kind (stored before block prints were told apart): its volume was a burst. */
    public Spike(String symbol, long start, long end, long peakTime, Kind kind, double peakScore,
                 double volumeMultiple) {
        this(symbol, start, end, peakTime, kind, peakScore, volumeMultiple,
                kind == Kind.PRICE ? Prints.NONE : Prints.BURST);
    }

    public boolean contains(long time) {
        return time >= start && time < end;
    }

    /** "burst", "block", "price", "burst+price" or "block+price": the kind as a trader reads it. */
    public String label() {
        String volume = prints.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case VOLUME -> volume;
            case PRICE -> "price";
            case BOTH -> volume + "+price";
        };
    }
}
