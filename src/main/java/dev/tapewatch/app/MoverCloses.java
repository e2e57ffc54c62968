package dev.tapewatch.app;

import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.movers.Mover;
import dev.tapewatch.movers.MoversEngine;
import dev.tapewatch.store.BarStore;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up the previous close of each symbol the first time it enters the movers list that day (the store's last
 * close before the bell, else the provider's), on a thread of its own, and hands it to the engine: only movers
 * cost a look-up, never the whole market.
 */
final class MoverCloses implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MoverCloses.class);

    private final BarStore store;
    private final SecondHistory provider;
    private final MoversEngine engine;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(Threads.named("mover-closes"));

    MoverCloses(BarStore store, SecondHistory provider, MoversEngine engine) {
        this.store = store;
        this.provider = provider;
        this.engine = engine;
        engine.onEntered(this::entered);
    }

    private void entered(Mover mover) {
        LocalDate day = ExchangeTime.dayOf(mover.startMs());
        if (closed.get() || !asked.add(mover.symbol() + "@" + day)) {
            return;
        }
        lookups.execute(() -> {
            try {
                double close = History.previousClose(store, provider, mover.symbol(), day, closed::get);
                if (!Double.isNaN(close)) {
                    engine.previousClose(mover.symbol(), close);
                }
            } catch (Exception e) {
                LOG.info("No previous close of {} for {}: {}", mover.symbol(), day, e.getMessage());
            }
        });
    }

    /** Stops; a look-up under way ends at its next retry (never interrupted: it may be inside the database). */
    @Override
    public void close() throws InterruptedException {
        closed.set(true);
        lookups.shutdown();
        lookups.awaitTermination(30, TimeUnit.SECONDS);
    }
}
