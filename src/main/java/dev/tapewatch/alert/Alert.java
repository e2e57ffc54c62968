package dev.tapewatch.alert;

/** Something a trader asked to be told about: {@code time} is market time (epoch ms), so replays read right. */
public record Alert(long time, String symbol, Kind kind, String message) {
    public enum Kind { SPIKE, PRICE_LEVEL }

    /** "SPY: volume spike, 12x average, score 9.1": what a toast or a desktop notification says. */
    public String text() {
        return symbol + ": " + message;
    }
}
