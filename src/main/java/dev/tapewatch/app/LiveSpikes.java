package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetectors;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the spike detector over live bars and stores each spike as it closes. */
public final class LiveSpikes implements FeedListener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSpikes.class);
    private final BarStore store;
    private final SpikeDetectors detectors;
    private final List<Consumer<Spike>> listeners = new CopyOnWriteArrayList<>();

    public LiveSpikes(BarStore store, DetectorSettings settings) {
        this.store = store;
        this.detectors = new SpikeDetectors(settings, this::closed);
    }

    /** Called with each spike as it closes, on the feed's delivery thread. */
    public void onSpike(Consumer<Spike> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void bars(List<Bar> bars) {
        detectors.accept(bars);
    }

    /** Closes the spikes still open (end of the recording). */
    public synchronized void finish() {
        detectors.finish();
    }

    private void closed(Spike spike) {
        try {
            store.saveSpikes(List.of(spike));
        } catch (StoreException e) {
            LOG.error("Could not store a spike of {}: {}", spike.symbol(), e.getMessage());
        }
        listeners.forEach(listener -> listener.accept(spike));
    }
}
