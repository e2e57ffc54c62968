package dev.tapewatch.ui;

import dev.tapewatch.market.Spike;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The spike list: the live session's spikes as they close, or a stored day's. Spikes arrive on the feed's
 * delivery thread into a queue; {@link #refresh} moves them into the list on the FX thread.
 */
public final class SpikesViewModel {
    private static final long RECENT_MILLIS = 3 * 60_000;
    private final ObservableList<Spike> spikes = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Spike> arrived = new ConcurrentLinkedQueue<>();

    /** Any thread. */
    void arrived(Spike spike) {
        arrived.add(spike);
    }

    /** FX thread: arrived spikes join the list while it shows the live session. */
    void refresh(boolean live) {
        Spike spike;
        while ((spike = arrived.poll()) != null) {
            if (live) {
                spikes.add(spike);
            }
        }
    }

    void show(List<Spike> day) {
        spikes.setAll(day);
    }

    void clear() {
        spikes.clear();
    }

    /** Whether a spike of the symbol ended within the last three minutes of market time. */
    boolean recent(String symbol, long marketNow) {
        return spikes.stream().anyMatch(spike -> spike.symbol().equals(symbol) && marketNow - spike.end() < RECENT_MILLIS);
    }

    public ObservableList<Spike> spikes() {
        return spikes;
    }
}
