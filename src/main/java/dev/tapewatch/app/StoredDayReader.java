package dev.tapewatch.app;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Puts what the database already holds of a watched symbol's day so far into the live series, so its chart does
 * not start empty (at launch, after new settings, or when the symbol is added). On its own thread,
 * <em>stored-day</em>: it reads the database, which the caller (the FX thread, for a watched symbol) must never
 * wait on.
 */
final class StoredDayReader implements AutoCloseable {
    private final BarStore store;
    private final LiveSeries series;
    private final LongSupplier marketClock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.named("stored-day"));
    /** Symbols whose stored day so far is still to be read into the live series. */
    private final Set<String> reading = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    StoredDayReader(BarStore store, LiveSeries series, LongSupplier marketClock) {
        this.store = store;
        this.series = series;
        this.marketClock = marketClock;
    }

    void read(String symbol) {
        reading.add(symbol);
        thread.execute(() -> {
            try {
                if (closed) {
                    return;
                }
                long now = marketClock.getAsLong();
                List<Bar> stored = store.bars(symbol, ExchangeTime.startOfDay(ExchangeTime.dayOf(now)), now);
                if (!stored.isEmpty()) {
                    series.merge(stored.subList(Math.max(0, stored.size() - LiveSeries.CAPACITY), stored.size()));
                }
            } finally {
                reading.remove(symbol);
            }
        });
    }

    /** Whether the symbol's day so far is still to be read (any thread, without waiting). */
    boolean reading(String symbol) {
        return reading.contains(symbol);
    }

    /** Lets a read under way finish (never interrupted: it may be inside the database) and skips the rest. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
