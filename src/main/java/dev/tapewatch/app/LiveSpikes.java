package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetectors;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the spike detector over live bars, on the feed's delivery thread, and queues each spike as it closes for
 * the writer's thread to store (in order with the bars), so detection never waits on the database.
 */
public final class LiveSpikes implements FeedListener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSpikes.class);
    private final BarWriter writer;
    private final SpikeDetectors detectors;
    private final List<Consumer<Spike>> listeners = new CopyOnWriteArrayList<>();
    /** While {@link #warmUp} runs: where the spikes it closes go instead of the listeners. */
    private List<Spike> warming;

    /** {@code writer} stores each closed spike; null: spikes are only passed on (a window watching a recorder). */
    public LiveSpikes(BarWriter writer, DetectorSettings settings) {
        this.writer = writer;
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

    /**
     * Feeds bars that are past already (a replay's day before its start), so the detector stands where it stood
     * then; the spikes they close are returned, not stored or passed on (they are not news).
     */
    public synchronized List<Spike> warmUp(List<Bar> past) {
        List<Spike> closed = new java.util.ArrayList<>();
        warming = closed;
        try {
            detectors.accept(past);
        } finally {
            warming = null;
        }
        return closed;
    }

    /** Closes the spikes still open (end of the recording). */
    public synchronized void finish() {
        detectors.finish();
    }

    private void closed(Spike spike) {
        if (warming != null) {
            warming.add(spike);
            return;
        }
        try {
            if (writer != null) {
                writer.spike(spike);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while queueing a spike of {} for the database", spike.symbol());
        }
        listeners.forEach(listener -> listener.accept(spike));
    }
}
