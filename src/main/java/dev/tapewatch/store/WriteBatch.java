package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link BarWriter} holds for its next durable transaction, on the writer's thread only: bars in arrival
 * order with the removals among them, coverage claims, closed spikes, and the coverage spans of the streaming
 * sessions the bars belong to.
 * <p>
 * Coverage follows what is stored, not the clock: a session's span is written in the same transaction as its
 * bars and ends at the end of its last stored bar; a session that stored no bar leaves no span.
 */
final class WriteBatch {

    /** From here on the bars belong to a streaming session for these symbols that began at {@code time}. */
    record SessionStart(List<String> symbols, long time) {
    }

    /** The current session ended: its span closes with this reason at its last stored bar. */
    record SessionEnd(String reason) {
    }

    record SpikeClosed(Spike spike) {
    }

    /** [start, end) is covered for these symbols once every bar before it is stored. */
    record Claim(List<String> symbols, long start, long end, String reason) {
    }

    /** The bar of this second must go (no trade of it is left); {@code at} is its place among the batch's bars. */
    record Removal(String symbol, long start, int at) {
    }

    private static final String SYMBOLS_CHANGED = "symbols changed";

    /** A coverage span as the writer builds it; {@code committed*} is what the database holds. */
    private static final class Span {
        final List<String> symbols;
        long start;
        long end;
        String reason;
        long id = -1;
        long committedEnd;
        long pendingId = -1;

        Span(List<String> symbols, long start) {
            this.symbols = symbols;
            this.start = start;
            this.end = start;
            this.committedEnd = start;
        }

        boolean hasBars() {
            return end > start || id >= 0;
        }
    }

    private final List<Bar> bars = new ArrayList<>();
    private final Set<Span> touched = new LinkedHashSet<>();
    private final List<Claim> claims = new ArrayList<>();
    private final List<Spike> spikes = new ArrayList<>();
    private final List<Removal> removals = new ArrayList<>();
    private Span current;
    /** The span ended last, while the next has not started. */
    private Span lastEnded;
    private List<String> lostSessionSymbols;

    int barCount() {
        return bars.size();
    }

    boolean hasWork() {
        return !bars.isEmpty() || !claims.isEmpty() || !spikes.isEmpty() || !removals.isEmpty()
                || touched.stream().anyMatch(Span::hasBars);
    }

    /** Adds a queued item: a {@link Bar} or one of this class's records. */
    void take(Object item) {
        if (item instanceof Bar bar) {
            bars.add(bar);
            if (current == null && lostSessionSymbols != null) {
                current = new Span(lostSessionSymbols, bar.start());
                lostSessionSymbols = null;
            }
            if (current != null) {
                if (current.id < 0 && current.end == current.start && bar.start() < current.start) {
                    // The first bar predates the subscription (a replay, or clocks apart): the span starts with it.
                    current.start = bar.start();
                    current.end = current.start;
                    current.committedEnd = current.start;
                }
                current.end = Math.max(current.end, bar.end());
                touched.add(current);
            }
        } else if (item instanceof SessionStart start) {
            endCurrent(SYMBOLS_CHANGED);
            lostSessionSymbols = null;
            if (lastEnded != null && SYMBOLS_CHANGED.equals(lastEnded.reason) && lastEnded.hasBars()
                    && lastEnded.end < start.time()) {
                // The connection stayed up through a watchlist change: the old symbols were covered until the
                // new subscription, not only until their last bar (a quiet spell is not a gap in the recording).
                lastEnded.end = start.time();
                touched.add(lastEnded);
            }
            lastEnded = null;
            current = new Span(start.symbols(), start.time());
        } else if (item instanceof SessionEnd end) {
            endCurrent(end.reason());
            lostSessionSymbols = null;
        } else if (item instanceof Claim claim) {
            claims.add(claim);
        } else if (item instanceof SpikeClosed closed) {
            spikes.add(closed.spike());
        } else if (item instanceof Removal removal) {
            removals.add(new Removal(removal.symbol(), removal.start(), bars.size()));
        }
    }

    private void endCurrent(String reason) {
        if (current != null) {
            current.reason = reason;
            touched.add(current);
            lastEnded = current;
            current = null;
        }
    }

    /** Writes everything held, in order, into one transaction; may run again if that transaction failed. */
    void writeTo(BarStore.Writes writes) throws SQLException {
        int done = 0;
        for (Removal removal : removals) {
            writes.upsert(bars.subList(done, removal.at()));
            writes.delete(removal.symbol(), removal.start());
            done = removal.at();
        }
        writes.upsert(bars.subList(done, bars.size()));
        for (Span span : touched) {
            if (!span.hasBars()) {
                continue;
            }
            if (span.id < 0) {
                span.pendingId = writes.insertCoverage(span.symbols, span.start, span.end, span.reason);
            } else {
                writes.updateCoverage(span.id, span.end, span.reason);
            }
        }
        for (Claim claim : claims) {
            writes.insertCoverage(claim.symbols(), claim.start(), claim.end(), claim.reason());
        }
        writes.saveSpikes(spikes);
    }

    /** The transaction committed: the spans are as the database holds them. Returns the bars stored and clears. */
    List<Bar> committed() {
        for (Span span : touched) {
            if (span.pendingId >= 0) {
                span.id = span.pendingId;
                span.pendingId = -1;
            }
            span.committedEnd = span.end;
        }
        List<Bar> stored = List.copyOf(bars);
        clear();
        return stored;
    }

    /** Gives the batch up so that no span claims its bars; returns how many bars are lost and clears. */
    int abandon() {
        int lost = bars.size();
        for (Span span : touched) {
            span.pendingId = -1;
            span.end = span.committedEnd;
        }
        if (current != null) {
            // Later bars of this session start a new span: this one must not stretch across the lost bars.
            lostSessionSymbols = current.symbols;
            current = null;
        }
        clear();
        return lost;
    }

    private void clear() {
        bars.clear();
        claims.clear();
        spikes.clear();
        removals.clear();
        touched.clear();
    }
}
