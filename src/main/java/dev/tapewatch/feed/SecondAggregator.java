package dev.tapewatch.feed;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One-second bars from trades, for a provider that sends trades only (Alpaca). A trade belongs to the second of its
 * own timestamp, not of its arrival. A second is emitted once it is over: a later second of the symbol has a
 * trade, or {@code grace} has passed since it ended. It is emitted again (a replacement bar) when a late trade, a
 * correction or a cancel changes it, and reported removed when none of its trades is left. Each second's trades are
 * kept for {@code retention} after it ended, as long as the provider may still correct them; a correction or cancel
 * of an older trade is refused (false) and counted ({@link #tooLate()}), never silently ignored.
 * <p>
 * What a trade updates follows {@link SaleConditions}: open and close come from the first and last trade (by
 * time, then arrival) that may set the last price, high and low from those that may set them, volume and VWAP
 * from those that count in volume. A second whose trades may set no price at all (only odd lots, say) still has
 * its volume: its prices then come from all its volume trades. {@code av} is the day's volume through the end of
 * the second, as known when the bar is emitted (none for REST history, which holds part of the day); {@code z} the
 * average trade size. Not thread-safe: one thread (the feed's
 * delivery thread) uses it.
 */
public final class SecondAggregator {
    /** What {@link #flush} found: bars to store (new seconds and replacements) and seconds left without trades. */
    public record Output(List<Bar> bars, List<Removed> removed) {
        public boolean isEmpty() {
            return bars.isEmpty() && removed.isEmpty();
        }
    }

    /** The second of {@code symbol} starting at {@code start} has no trade left: its stored bar must go. */
    public record Removed(String symbol, long start) {
    }

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final long graceNanos;
    private final long retentionNanos;
    private final Bar.Source source;
    private final Map<String, Book> books = new HashMap<>();
    private long arrivals;
    private long tooLate;

    public SecondAggregator(long graceMillis, long retentionMillis, Bar.Source source) {
        this.graceNanos = graceMillis * 1_000_000;
        this.retentionNanos = retentionMillis * 1_000_000;
        this.source = source;
    }

    private static final class Book {
        final TreeMap<Long, Second> seconds = new TreeMap<>();
        /** Seconds new or changed since last emitted: a flush looks at these only. */
        final TreeSet<Long> changed = new TreeSet<>();
        final Map<Long, Long> secondOfTrade = new HashMap<>();
        long newestSecond = Long.MIN_VALUE;
        LocalDate day;
        double dayVolume;
    }

    private static final class Second {
        final List<Arrived> trades = new ArrayList<>(4);
        Bar emitted;
    }

    private record Arrived(Trade trade, long order) {
    }

    public void trade(Trade trade) {
        Book book = books.computeIfAbsent(trade.symbol(), s -> new Book());
        long second = Math.floorDiv(trade.nanos(), SECOND_NANOS);
        Second entry = book.seconds.computeIfAbsent(second, s -> new Second());
        entry.trades.add(new Arrived(trade, arrivals++));
        book.changed.add(second);
        book.secondOfTrade.put(trade.id(), second);
        book.newestSecond = Math.max(book.newestSecond, second);
    }

    /** Replaces trade {@code originalId} with {@code corrected}; false (and counted) when it is no longer held. */
    public boolean correct(String symbol, long originalId, Trade corrected) {
        if (!remove(symbol, originalId)) {
            return false;
        }
        trade(corrected);
        return true;
    }

    /** Removes trade {@code id}; false (and counted) when it is no longer held. */
    public boolean cancel(String symbol, long id) {
        return remove(symbol, id);
    }

    private boolean remove(String symbol, long id) {
        Book book = books.get(symbol);
        Long second = book == null ? null : book.secondOfTrade.remove(id);
        Second entry = second == null ? null : book.seconds.get(second);
        if (entry == null || !entry.trades.removeIf(arrived -> arrived.trade().id() == id)) {
            tooLate++;
            return false;
        }
        book.changed.add(second);
        return true;
    }

    /** Corrections and cancels that came after their trade's second was let go (or for a trade never seen). */
    public long tooLate() {
        return tooLate;
    }

    /** The seconds that are over by {@code nowNanos} (the market clock) and new or changed since last emitted. */
    public Output flush(long nowNanos) {
        return flush(nowNanos, false);
    }

    /**
     * Every second held that is new or changed, over or not (the connection that brought its trades is gone); the
     * trades stay held for corrections.
     */
    public Output flushHeld() {
        return flush(Long.MIN_VALUE, true);
    }

    private Output flush(long nowNanos, boolean everything) {
        List<Bar> bars = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        for (Map.Entry<String, Book> symbolBook : books.entrySet()) {
            String symbol = symbolBook.getKey();
            Book book = symbolBook.getValue();
            for (Iterator<Long> it = book.changed.iterator(); it.hasNext(); ) {
                long second = it.next();
                long endNanos = (second + 1) * SECOND_NANOS;
                if (!everything && second >= book.newestSecond && endNanos + graceNanos > nowNanos) {
                    break; // not over, and later seconds are not either
                }
                it.remove();
                Second entry = book.seconds.get(second);
                Bar bar = bar(symbol, second, entry, book);
                if (bar != null) {
                    bars.add(bar);
                } else if (entry.emitted != null) {
                    removed.add(new Removed(symbol, second * 1000));
                    book.dayVolume -= entry.emitted.volume();
                }
                entry.emitted = bar;
            }
            // let go of seconds past retention (never one still to be emitted)
            while (!book.seconds.isEmpty()) {
                long oldest = book.seconds.firstKey();
                if ((oldest + 1) * SECOND_NANOS + retentionNanos > nowNanos || book.changed.contains(oldest)) {
                    break;
                }
                book.seconds.pollFirstEntry().getValue().trades
                        .forEach(arrived -> book.secondOfTrade.remove(arrived.trade().id()));
            }
        }
        return new Output(bars, removed);
    }

    private Bar bar(String symbol, long second, Second entry, Book book) {
        long start = second * 1000;
        List<Arrived> ordered = new ArrayList<>(entry.trades);
        ordered.sort(Comparator.comparingLong((Arrived a) -> a.trade().nanos()).thenComparingLong(Arrived::order));
        double volume = 0;
        double notional = 0;
        int count = 0;
        Trade first = null;
        Trade last = null;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        Trade firstRanged = null;
        Trade lastRanged = null;
        for (Arrived arrived : ordered) {
            Trade trade = arrived.trade();
            SaleConditions.Updates updates = SaleConditions.of(trade.conditions());
            if (updates.volume()) {
                volume += trade.size();
                notional += trade.price() * trade.size();
                count++;
            }
            if (updates.last()) {
                first = first == null ? trade : first;
                last = trade;
            }
            if (updates.highLow()) {
                high = Math.max(high, trade.price());
                low = Math.min(low, trade.price());
                firstRanged = firstRanged == null ? trade : firstRanged;
                lastRanged = trade;
            }
        }
        if (count == 0) {
            return null;
        }
        if (first == null) {
            first = firstRanged;
            last = lastRanged;
        }
        if (first == null) { // no trade may set a price: the second's volume is kept, priced by all its trades
            for (Arrived arrived : ordered) {
                Trade trade = arrived.trade();
                if (SaleConditions.of(trade.conditions()).volume()) {
                    first = first == null ? trade : first;
                    last = trade;
                    high = Math.max(high, trade.price());
                    low = Math.min(low, trade.price());
                }
            }
        }
        high = Math.max(high, Math.max(first.price(), last.price()));
        low = Math.min(low, Math.min(first.price(), last.price()));
        LocalDate day = ExchangeTime.dayOf(start);
        if (!day.equals(book.day)) {
            book.day = day;
            book.dayVolume = 0;
        }
        book.dayVolume += volume - (entry.emitted == null ? 0 : entry.emitted.volume());
        double later = 0; // emitted seconds after this one (a replacement comes after them)
        for (Second after : book.seconds.tailMap(second, false).values()) {
            later += after.emitted == null ? 0 : after.emitted.volume();
        }
        return new Bar(symbol, start, start + 1000, first.price(), high, low, last.price(), volume, notional / volume,
                source == Bar.Source.REST ? Double.NaN : book.dayVolume - later, Double.NaN, Double.NaN,
                volume / count, false, source);
    }
}
