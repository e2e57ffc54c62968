package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Everything the desktop app runs behind its window: the store, the live feed, the recorder, the live
 * spike detector and the recent bars, plus the one executor that runs long jobs (loading days, exporting).
 */
public final class LiveSession implements AutoCloseable {
    /** What a session is started with. */
    public record Settings(FeedSettings feed, StoreLocation store, DetectorSettings detector, List<String> watchlist) {
    }

    private final Settings settings;
    private final BarStore store;
    private final MarketConnection connection;
    private final Recorder recorder;
    private final LiveSpikes spikes;
    private final LiveSeries series = new LiveSeries();
    private final Set<String> watchlist;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "background-jobs");
        thread.setDaemon(true);
        return thread;
    });

    private LiveSession(Settings settings) {
        this.settings = settings;
        this.watchlist = new LinkedHashSet<>(settings.watchlist());
        this.store = BarStore.open(settings.store(), BarStore.Mode.CREATE);
        BarBus bus = new BarBus();
        try {
            this.connection = MarketConnection.open(settings.feed(), bus);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.recorder = new Recorder(store, connection.marketClock());
        this.spikes = new LiveSpikes(store, settings.detector());
        bus.add(recorder);
        bus.add(spikes);
        bus.add(series);
    }

    /** Opens the store and starts streaming the watchlist. */
    public static LiveSession start(Settings settings) {
        LiveSession session = new LiveSession(settings);
        session.connection.feed().subscribe(session.watchlist);
        session.connection.feed().start();
        return session;
    }

    public Settings settings() {
        return settings;
    }

    public BarStore store() {
        return store;
    }

    public LiveSeries series() {
        return series;
    }

    public Provider provider() {
        return connection.provider();
    }

    public FeedStatus status() {
        return connection.feed().status();
    }

    public FeedStats stats() {
        return connection.feed().stats();
    }

    /** Bars written to the database by this session. */
    public long barsStored() {
        return recorder.writer().written();
    }

    public LongSupplier marketClock() {
        return connection.marketClock();
    }

    public ExecutorService background() {
        return background;
    }

    public void onSpike(Consumer<Spike> listener) {
        spikes.onSpike(listener);
    }

    public synchronized List<String> watchlist() {
        return new ArrayList<>(watchlist);
    }

    public synchronized void watch(String symbol) {
        if (watchlist.add(symbol)) {
            connection.feed().subscribe(List.of(symbol));
        }
    }

    public synchronized void unwatch(String symbol) {
        if (watchlist.remove(symbol)) {
            connection.feed().unsubscribe(List.of(symbol));
        }
    }

    @Override
    public void close() throws InterruptedException {
        background.shutdownNow();
        connection.close();
        spikes.finish();
        recorder.close();
        store.close();
    }
}
