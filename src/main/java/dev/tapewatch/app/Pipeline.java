package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.Feed;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.provider.Wiring;
import dev.tapewatch.store.BarStore;
import java.util.Collection;
import java.util.concurrent.Executors;

/**
 * The live path, assembled in one place for the window, {@code record}, the benchmarks and the tests:
 * provider connection → bus → recorder (writer thread → store), REST backfill, live spikes, and any extra
 * listeners (live charts). Closing stops it in the one order that loses nothing: the feed first (it delivers
 * what it received), then the backfill's queued fetches, the detector, and last the writer.
 */
public final class Pipeline implements AutoCloseable {
    private final MarketConnection connection;
    private final Recorder recorder;
    private final LiveSpikes spikes;
    private final Backfill backfill;

    private Pipeline(MarketConnection connection, Recorder recorder, LiveSpikes spikes, Backfill backfill) {
        this.connection = connection;
        this.recorder = recorder;
        this.spikes = spikes;
        this.backfill = backfill;
    }

    /**
     * Connects (a simulator is started for the simulator provider) but does not start streaming. A provider that
     * watches the store (a recorder's database) records nothing and fills no gaps: the recorder that stores the
     * bars does both, and its spikes too.
     */
    public static Pipeline open(BarStore store, FeedSettings feed, DetectorSettings detector, FeedListener... extra) {
        BarBus bus = new BarBus();
        boolean watching = feed.provider().watchesStore();
        MarketConnection connection = connect(feed, bus, store);
        Recorder recorder = new Recorder(store);
        LiveSpikes spikes = new LiveSpikes(watching ? null : recorder.writer(), detector);
        Backfill backfill = feed.backfill() && !watching ? new Backfill(connection.rest(), store, recorder.writer(),
                Executors.newSingleThreadExecutor(Threads.named("backfill"))) : null;
        if (!watching) {
            bus.add(recorder);
        }
        if (backfill != null) {
            bus.add(backfill);
        }
        bus.add(spikes);
        for (FeedListener listener : extra) {
            bus.add(listener);
        }
        return new Pipeline(connection, recorder, spikes, backfill);
    }

    /**
     * A stored day played through the live path ({@code feed}, a replay): the detector and any listeners see it
     * as live, and nothing is recorded (the bars are stored already).
     */
    static Pipeline replay(BarStore store, FeedSettings feed, DetectorSettings detector, FeedListener... extra) {
        BarBus bus = new BarBus();
        MarketConnection connection = connect(feed, bus, store);
        Recorder recorder = new Recorder(store);
        LiveSpikes spikes = new LiveSpikes(null, detector);
        bus.add(spikes);
        for (FeedListener listener : extra) {
            bus.add(listener);
        }
        return new Pipeline(connection, recorder, spikes, null);
    }

    /** Opens (but does not start) the feed's connection, delivering to {@code listener}. */
    static MarketConnection connect(FeedSettings feed, FeedListener listener, BarStore store) {
        return feed.provider().connect(feed, new Wiring(listener, store, Threads::named));
    }

    public void start(Collection<String> symbols) {
        connection.feed().subscribe(symbols);
        connection.feed().start();
    }

    public MarketConnection connection() {
        return connection;
    }

    public Feed feed() {
        return connection.feed();
    }

    public Recorder recorder() {
        return recorder;
    }

    public LiveSpikes spikes() {
        return spikes;
    }

    /** The REST backfill, or null when it is off. */
    public Backfill backfill() {
        return backfill;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            connection.close();
            if (backfill != null) {
                backfill.close();
            }
            spikes.finish();
        } finally {
            recorder.close();
        }
    }
}
