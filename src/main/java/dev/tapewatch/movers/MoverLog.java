package dev.tapewatch.movers;

/** A line of the entered / left log: when (market time and this machine's clock), who, and what it was then. */
public record MoverLog(long marketMs, long wallMs, String symbol, boolean entered, String kind, double score,
                       double price) {
}
