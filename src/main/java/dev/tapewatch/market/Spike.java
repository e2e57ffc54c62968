package dev.tapewatch.market;

/**
 * A run of consecutive flagged seconds merged into one event.
 * {@code end} is exclusive (the end of the last flagged bar); {@code volumeMultiple} is the peak bar's
 * volume over the moving average volume at that moment.
 */
public record Spike(String symbol, long start, long end, long peakTime, Kind kind, double peakScore,
                    double volumeMultiple) {

    public enum Kind { VOLUME, PRICE, BOTH }

    public boolean contains(long time) {
        return time >= start && time < end;
    }
}
