package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.SecondAggregator;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import java.util.List;
import java.util.Set;

/**
 * Records a feed into the store. Everything goes through the batch writer's queue in the order the feed
 * delivered it, so the feed's delivery thread never waits on the database (only for room in the queue), and
 * each streaming session becomes a coverage span that ends at its last stored bar.
 */
public final class Recorder implements FeedListener, AutoCloseable {
    private final BarWriter writer;
    private boolean closed;

    public Recorder(BarStore store) {
        this.writer = new BarWriter(store, Threads::named);
    }

    public BarWriter writer() {
        return writer;
    }

    @Override
    public void bars(List<Bar> bars) {
        Queueing.queue("for the database", () -> writer.putAll(bars));
    }

    @Override
    public void removed(List<SecondAggregator.Removed> removed) {
        Queueing.queue("for the database", () -> {
            for (SecondAggregator.Removed second : removed) {
                writer.remove(second.symbol(), second.start());
            }
        });
    }

    @Override
    public void sessionStarted(Set<String> symbols, long time) {
        Queueing.queue("for the database", () -> writer.sessionStarted(symbols, time));
    }

    @Override
    public void sessionEnded(long time, String reason) {
        Queueing.queue("for the database", () -> writer.sessionEnded(reason));
    }

    /** Stores everything queued and ends the open span; call after the feed has stopped delivering. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (!closed) {
            closed = true;
            writer.sessionEnded("stopped");
            writer.close();
        }
    }
}
