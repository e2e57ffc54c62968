package dev.tapewatch.ui.spikes;

import dev.tapewatch.market.Spike;
import dev.tapewatch.ui.common.DayData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The spike list: the live session's spikes as they close, or a stored day's. Spikes arrive on the feed's
 * delivery thread into a queue; {@link #refresh} moves them into the live list on the FX thread. The live list
 * is kept while a stored day is shown, so going back to live loses none of today's spikes.
 */
public final class SpikesViewModel {
    private static final String LIVE_EMPTY = "No spikes yet";
    private final javafx.beans.property.ReadOnlyStringWrapper empty = new javafx.beans.property.ReadOnlyStringWrapper(
            LIVE_EMPTY);
    private static final long RECENT_MILLIS = 3 * 60_000;
    private final ObservableList<Spike> spikes = FXCollections.observableArrayList();
    private final List<Spike> live = new ArrayList<>();
    private final ConcurrentLinkedQueue<Spike> arrived = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Spike> replayed = new ConcurrentLinkedQueue<>();
    private boolean showingLive = true;
    private boolean replaying;

    /** Any thread. */
    public void arrived(Spike spike) {
        arrived.add(spike);
    }

    /** Any thread: a spike of the replay being shown. */
    public void replayed(Spike spike) {
        replayed.add(spike);
    }

    /**
     * FX thread: arrived spikes join the live list, and the shown one while it shows the live session; a replay's
     * spikes are shown while it is.
     */
    public void refresh() {
        Spike spike;
        while ((spike = arrived.poll()) != null) {
            live.add(spike);
            if (showingLive) {
                spikes.add(spike);
            }
        }
        while ((spike = replayed.poll()) != null) {
            if (replaying) {
                spikes.add(spike);
            }
        }
    }

    /**
     * A replay is shown (or replaces the one shown): its spikes, from those that closed before its start; the live
     * ones are kept for {@link #stopReplay}.
     */
    public void startReplay(List<Spike> before) {
        refresh();
        replaying = true;
        showingLive = false;
        spikes.setAll(before);
    }

    public void stopReplay() {
        replaying = false;
        replayed.clear();
        showLive();
    }

    /** Shows a stored day's spikes; the live ones are kept. */
    public void show(List<Spike> day) {
        showingLive = false;
        spikes.setAll(day);
    }

    /** Shows the spikes of the symbol's stored day, saying which day when it had none. */
    public void show(DayData day) {
        show(day.spikes());
        empty.set("No spikes of " + day.symbol() + " on " + day.day());
    }

    /** Shows the live session's spikes again, with those that closed meanwhile. */
    public void showLive() {
        refresh();
        showingLive = true;
        empty.set(LIVE_EMPTY);
        spikes.setAll(live);
    }

    /** A new session: its spikes start from none. */
    public void reset() {
        live.clear();
        showingLive = true;
        spikes.clear();
    }

    /** Whether a spike of the symbol ended within the last three minutes of market time. */
    public boolean recent(String symbol, long marketNow) {
        return spikes.stream().anyMatch(spike -> spike.symbol().equals(symbol) && marketNow - spike.end() < RECENT_MILLIS);
    }

    /** What the empty list says: none yet live, none on a stored day. */
    public javafx.beans.property.ReadOnlyStringProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ObservableList<Spike> spikes() {
        return spikes;
    }
}
