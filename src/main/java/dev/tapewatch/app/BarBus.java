package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.feed.SecondAggregator;
import dev.tapewatch.market.Bar;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands what a feed delivers to every subscriber (recorder, detector, live charts), in order. */
public final class BarBus implements FeedListener {
    private static final Logger LOG = LoggerFactory.getLogger(BarBus.class);
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();

    public void add(FeedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void bars(List<Bar> bars) {
        each(listener -> listener.bars(bars));
    }

    @Override
    public void removed(List<SecondAggregator.Removed> removed) {
        each(listener -> listener.removed(removed));
    }

    @Override
    public void status(FeedStatus status) {
        each(listener -> listener.status(status));
    }

    @Override
    public void sessionStarted(Set<String> symbols, long time) {
        each(listener -> listener.sessionStarted(symbols, time));
    }

    @Override
    public void sessionEnded(long time, String reason) {
        each(listener -> listener.sessionEnded(time, reason));
    }

    /** Everything goes to every listener, in order: one listener's failure is logged and costs the others nothing. */
    private void each(java.util.function.Consumer<FeedListener> call) {
        for (FeedListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("A feed listener failed", e);
            }
        }
    }
}
