package dev.tapewatch.provider.database;

import dev.tapewatch.feed.Backoff;
import dev.tapewatch.feed.Feed;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.feed.FeedStatus.State;
import dev.tapewatch.feed.SecondAggregator;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarChanges;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live bars as a recorder elsewhere stores them in a shared PostgreSQL database: no upstream connection of its own.
 * One thread ({@code database-watch}) does everything, in order: it listens for the store's change notifications,
 * reads each changed range of the watched symbols and delivers those bars (new ones and replacements) to the
 * listener. On start, for a newly watched symbol and after a lost connection it first catches up: the symbol's
 * day so far, or everything since the last bar it delivered.
 */
final class DatabaseFeed implements Feed {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFeed.class);
    private static final int WAIT_MILLIS = 250;

    private final BarStore store;
    private final FeedListener listener;
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    /** Symbols to catch up before the next change is followed. */
    private final Set<String> behind = ConcurrentHashMap.newKeySet();
    /** The start of the newest bar delivered per symbol (feed thread only). */
    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    private final Thread thread;
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile FeedStatus status = FeedStatus.of(State.CONNECTING, null);
    private volatile boolean closed;
    /** The newest bar's end and when it was delivered: the market clock runs on from there. */
    private record Anchor(long barEnd, long seenAt) {
    }

    private volatile Anchor anchor;

    DatabaseFeed(BarStore store, FeedListener listener, Function<String, ThreadFactory> threads) {
        this.store = store;
        this.listener = listener;
        this.thread = threads.apply("database-watch").newThread(this::run);
    }

    @Override
    public void start() {
        thread.start();
    }

    /** "Now" in the recorded bars' time base, so a recorder of another day (a replay, the simulator) charts live. */
    long marketClock() {
        Anchor now = anchor;
        return now == null ? System.currentTimeMillis() : now.barEnd() + (System.currentTimeMillis() - now.seenAt());
    }

    @Override
    public void subscribe(Collection<String> added) {
        for (String symbol : added) {
            if (symbols.add(symbol)) {
                behind.add(symbol);
            }
        }
    }

    @Override
    public void unsubscribe(Collection<String> removed) {
        symbols.removeAll(removed);
        behind.removeAll(removed);
    }

    @Override
    public Set<String> symbols() {
        return Set.copyOf(symbols);
    }

    @Override
    public FeedStatus status() {
        return status;
    }

    @Override
    public FeedStats stats() {
        return new FeedStats(0, bars.get(), 0, 0, reconnects.get(), 0);
    }

    private void run() {
        int attempt = 0;
        while (!closed) {
            status = FeedStatus.of(State.CONNECTING, store.location().describe());
            try (BarChanges.Subscription changes = store.subscribe()) {
                behind.addAll(symbols); // whatever was stored while not listening
                status = FeedStatus.of(State.STREAMING, "watching " + store.location().describe());
                listener.sessionStarted(Set.copyOf(symbols), marketClock());
                attempt = 0;
                while (!closed) {
                    catchUp();
                    for (BarChanges.Change change : changes.await(WAIT_MILLIS)) {
                        if (!symbols.contains(change.symbol()) || behind.contains(change.symbol())) {
                            continue;
                        }
                        if (change.removed()) {
                            listener.removed(List.of(new SecondAggregator.Removed(change.symbol(), change.from())));
                        } else {
                            deliver(store.bars(change.symbol(), change.from(), change.to()));
                        }
                    }
                }
                listener.sessionEnded(marketClock(), "stopped");
            } catch (StoreException e) {
                if (closed) {
                    break;
                }
                listener.sessionEnded(marketClock(), "disconnected: " + e.getMessage());
                long delay = Backoff.DEFAULT.delay(++attempt, ThreadLocalRandom.current());
                reconnects.incrementAndGet();
                status = FeedStatus.reconnecting(e.getMessage(), attempt, System.currentTimeMillis() + delay);
                LOG.warn("Lost the database's change notifications: {}; trying again in {} ms", e.getMessage(), delay);
                pause(delay);
            }
        }
        status = FeedStatus.of(State.STOPPED, null);
    }

    /** Delivers what each lagging symbol has stored since its newest delivered bar (or its latest day so far). */
    private void catchUp() {
        for (String symbol : List.copyOf(behind)) {
            behind.remove(symbol);
            Long last = newest.get(symbol);
            long from;
            if (last != null) {
                from = last; // re-read it: it may have been replaced since
            } else {
                List<Bar> latest = store.lastBars(symbol, 0, Long.MAX_VALUE, 1);
                if (latest.isEmpty()) {
                    continue;
                }
                from = ExchangeTime.startOfDay(ExchangeTime.dayOf(latest.get(0).start()));
            }
            deliver(store.bars(symbol, from, Long.MAX_VALUE));
        }
    }

    private void deliver(List<Bar> delivered) {
        if (delivered.isEmpty() || closed) {
            return;
        }
        Bar last = delivered.get(delivered.size() - 1);
        newest.merge(last.symbol(), last.start(), Math::max);
        Anchor current = anchor;
        if (current == null || last.end() > current.barEnd()) {
            anchor = new Anchor(last.end(), System.currentTimeMillis());
        }
        bars.addAndGet(delivered.size());
        listener.bars(delivered);
    }

    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (!closed && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, until - System.currentTimeMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops after the bars being delivered; never interrupts the thread, which may be inside the database. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
