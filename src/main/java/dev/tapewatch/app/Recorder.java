package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a feed into the store: every bar through the batch writer (waiting for room rather than dropping),
 * and each streaming session as a coverage span whose end moves forward while it lasts.
 */
public final class Recorder implements FeedListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final long HEARTBEAT_SECONDS = 5;

    private final BarStore store;
    private final BarWriter writer;
    private final LongSupplier marketClock;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "recorder-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Object coverageLock = new Object();
    private long openSpan = -1;

    public Recorder(BarStore store, LongSupplier marketClock) {
        this.store = store;
        this.writer = new BarWriter(store);
        this.marketClock = marketClock;
        heartbeat.scheduleWithFixedDelay(this::extendOpenSpan, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    public BarWriter writer() {
        return writer;
    }

    @Override
    public void bars(List<Bar> bars) {
        try {
            for (Bar bar : bars) {
                writer.put(bar);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing bars for the database", e);
        }
    }

    @Override
    public void sessionStarted(Set<String> symbols, long time) {
        synchronized (coverageLock) {
            try {
                openSpan = store.beginCoverage(symbols.stream().sorted().toList(), time);
            } catch (StoreException e) {
                LOG.error("Could not record the start of a connected span: {}", e.getMessage());
            }
        }
    }

    @Override
    public void sessionEnded(long time, String reason) {
        synchronized (coverageLock) {
            if (openSpan >= 0) {
                try {
                    store.extendCoverage(openSpan, time, reason);
                } catch (StoreException e) {
                    LOG.error("Could not record the end of a connected span: {}", e.getMessage());
                }
                openSpan = -1;
            }
        }
    }

    private void extendOpenSpan() {
        synchronized (coverageLock) {
            if (openSpan >= 0) {
                try {
                    store.extendCoverage(openSpan, marketClock.getAsLong(), null);
                } catch (StoreException e) {
                    LOG.warn("Could not extend the connected span: {}", e.getMessage());
                }
            }
        }
    }

    /** Writes everything accepted; call after the feed has stopped delivering. */
    @Override
    public void close() throws InterruptedException {
        heartbeat.shutdownNow();
        sessionEnded(marketClock.getAsLong(), "stopped");
        writer.close();
    }
}
