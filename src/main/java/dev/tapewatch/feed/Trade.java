package dev.tapewatch.feed;

import java.util.List;

/** One trade as a provider reports it: its own id, its time in epoch nanoseconds, price, size, sale conditions. */
public record Trade(String symbol, long id, long nanos, double price, double size, List<String> conditions) {
    public Trade {
        conditions = List.copyOf(conditions);
    }
}
