package dev.tapewatch.feed;

import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A provider's history of second bars over REST, for backfill and audit. */
public interface SecondHistory {

    /** The REST service's address, as it may be shown (no credentials are in it). */
    java.net.URI base();

    /** Hands each page of second bars starting in [from, to) to {@code pages}, in time order; returns the count. */
    long secondBars(String symbol, long from, long to, Consumer<List<Bar>> pages, BooleanSupplier cancelled)
            throws RestException;

    /** Every second bar of the symbol that starts in [from, to), in time order. */
    default List<Bar> secondBars(String symbol, long from, long to, BooleanSupplier cancelled) throws RestException {
        List<Bar> all = new ArrayList<>();
        secondBars(symbol, from, to, all::addAll, cancelled);
        return all;
    }
}
