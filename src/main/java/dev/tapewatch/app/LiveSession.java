package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.movers.MoverFilter;
import dev.tapewatch.movers.MoversEngine;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.serve.StoredDaySource;
import dev.tapewatch.sim.SimClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Everything the desktop app runs behind its window: the store, the {@link Pipeline} (feed, recorder, backfill,
 * live spikes) and the recent bars the charts read. The window's own background jobs run elsewhere (the UI's
 * one task executor).
 */
public final class LiveSession implements AutoCloseable {
    /** What a session is started with; {@code share} null: the live stream is not shared. */
    public record Settings(FeedSettings feed, StoreLocation store, DetectorSettings detector, List<String> watchlist,
                           Share share, boolean wholeMarket) {
        public Settings(FeedSettings feed, StoreLocation store, DetectorSettings detector, List<String> watchlist) {
            this(feed, store, detector, watchlist, null);
        }

        public Settings(FeedSettings feed, StoreLocation store, DetectorSettings detector, List<String> watchlist,
                        Share share) {
            this(feed, store, detector, watchlist, share, false);
        }

        /**
         * Watch the whole market: every symbol the provider sends goes through the detector and the movers (and
         * is recorded), while the charts keep to the watchlist; the simulator then serves a whole market.
         */
        public Settings withWholeMarket(boolean value) {
            FeedSettings watched = value ? feed.provider().withSimulatedMarket(feed, SIMULATED_MARKET).orElse(feed) : feed;
            return new Settings(watched, store, detector, watchlist, share, value);
        }

        /** A made-up market's day going on from {@code marketMillis}, in place of its configured start. */
        public Settings withSimulatorAt(long marketMillis) {
            return new Settings(feed.provider().withMarketAt(feed, marketMillis).orElse(feed), store, detector,
                    watchlist, share, wholeMarket);
        }
    }

    /** How many symbols the simulator serves when the whole market is watched. */
    public static final int SIMULATED_MARKET = 3_000;

    /** Share the live stream with local Polygon clients on 127.0.0.1:{@code port} behind {@code key} (a secret). */
    public record Share(int port, String key) {
        @Override
        public String toString() {
            return "Share[port=" + port + ", key=***]";
        }
    }

    /** The key between a replay's loopback server and its feed (both in this process). */
    private static final String REPLAY_KEY = "replay";

    private final Settings settings;
    private final BarStore store;
    /** False for a replay: it reads the store of the session it was made from, which closes it. */
    private final boolean ownsStore;
    private final Pipeline pipeline;
    private final MarketConnection connection;
    /** Whether this session replays a stored day ({@link #replay}). */
    private final boolean replaying;
    private final Relay relay;
    private final LiveSeries series = new LiveSeries();
    private final MoversEngine movers;
    /** Previous closes of movers, looked up as they enter; null without a provider (watching a database). */
    private final MoverCloses closes;
    private final Set<String> watchlist;
    /** What the live series takes (the watchlist) when the whole market comes in; read on the feed's thread. */
    private final Set<String> charted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final StoredDayReader storedDays;
    private List<Spike> spikesBefore = List.of();

    private LiveSession(Settings settings) {
        this.settings = settings;
        this.watchlist = new LinkedHashSet<>(settings.watchlist());
        this.charted.addAll(settings.watchlist());
        this.movers = new MoversEngine(settings.detector(), MoverFilter.ALL);
        this.store = BarStore.open(settings.store(), BarStore.Mode.CREATE);
        this.ownsStore = true;
        this.replaying = false;
        try {
            this.relay = settings.share() == null ? null : share(store, settings.share());
            try {
                FeedListener charts = settings.wholeMarket() ? watchedOnly() : series;
                FeedListener moving = movers::accept;
                this.pipeline = relay == null ? Pipeline.open(store, settings.feed(), settings.detector(), charts, moving)
                        : Pipeline.open(store, settings.feed(), settings.detector(), charts, moving, relay);
            } catch (RuntimeException e) {
                if (relay != null) {
                    relay.close();
                }
                throw e;
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.connection = pipeline.connection();
        this.storedDays = new StoredDayReader(store, series, connection.marketClock());
        if (relay != null) {
            pipeline.spikes().onSpike(relay::spike);
        }
        this.closes = connection.rest() == null ? null : new MoverCloses(store, connection.rest(), movers);
        if (pipeline.backfill() != null) {
            pipeline.backfill().onFetched(series::merge);
        }
        watchlist.forEach(this::loadStoredDay);
    }

    /** A replay of a stored day ({@link #replay}): the live path without recording, sharing or stored days. */
    private LiveSession(Settings settings, BarStore store) {
        this.settings = settings;
        this.watchlist = new LinkedHashSet<>(settings.watchlist());
        this.store = store;
        this.ownsStore = false;
        this.replaying = true;
        this.relay = null;
        this.movers = new MoversEngine(settings.detector(), MoverFilter.ALL);
        this.pipeline = Pipeline.replay(store, settings.feed(), settings.detector(), series, movers::accept);
        this.connection = pipeline.connection();
        this.storedDays = new StoredDayReader(store, series, connection.marketClock());
        this.closes = connection.rest() == null ? null : new MoverCloses(store, connection.rest(), movers);
    }

    /**
     * Plays this session's stored {@code date} of its watchlist from {@code from} (epoch ms) at {@code speed}×
     * through the live path, as a session of its own: its series, detector and spikes behave as they did that day.
     * The day before {@code from} is in its series at once and has warmed its detector ({@link #spikesBefore}).
     * It records nothing, and plays once {@link #play} is called. Reads the day first (the caller's thread: not
     * the FX thread).
     *
     * @throws IllegalArgumentException when nothing of the day is stored from {@code from} on
     */
    public LiveSession replay(LocalDate date, long from, double speed) {
        StoredDaySource day = new StoredDaySource(store, date, watchlist(), from);
        MarketServer server;
        try {
            server = MarketServer.start(new ServerSettings(0, REPLAY_KEY, ServerSettings.Protocol.POLYGON), day,
                    new SimClock(day.first(), speed), Threads::named);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot start the replay on 127.0.0.1: " + e.getMessage(), e);
        }
        FeedSettings feed = Providers.replay(server, REPLAY_KEY, settings.feed().stalenessMillis());
        LiveSession replay = new LiveSession(new Settings(feed, settings.store(), settings.detector(),
                List.copyOf(day.symbols())), store);
        List<Spike> closed = new ArrayList<>();
        for (String symbol : day.symbols()) {
            List<Bar> before = day.before(symbol);
            replay.series.merge(before);
            closed.addAll(replay.pipeline.spikes().warmUp(before));
        }
        closed.sort(java.util.Comparator.comparingLong(Spike::end));
        replay.spikesBefore = List.copyOf(closed);
        return replay;
    }

    /** Starts a replay made by {@link #replay}: its clock runs from when its feed has subscribed. Never blocks. */
    public void play() {
        pipeline.start(watchlist);
    }

    /** A replay's spikes that closed before its start, in the order they closed; empty for a live session. */
    public List<Spike> spikesBefore() {
        return spikesBefore;
    }

    /** A replay's clock, to pause, resume and change its speed; null for a live session. */
    public SimClock replayClock() {
        return replaying ? connection.simulator().clock() : null;
    }

    private static Relay share(BarStore store, Share share) {
        try {
            return Relay.start(store, share.port(), share.key());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot share the live stream on 127.0.0.1:" + share.port() + " ("
                    + e.getMessage() + "). Choose another port in Settings, or turn sharing off.", e);
        }
    }

    /** Shares an alert the window raised with the stream's clients that asked for alerts (any thread). */
    public void shareAlert(dev.tapewatch.alert.Alert alert) {
        if (relay != null) {
            relay.alert(alert);
        }
    }

    /** Where local clients reach the shared stream ({@code ws://127.0.0.1:PORT/stocks}), or null when not shared. */
    public String sharedAt() {
        return relay == null ? null : relay.server().url() + "/stocks";
    }

    /** The symbol's day so far from the database into the live series ({@link StoredDayReader}). */
    private void loadStoredDay(String symbol) {
        if (!connection.provider().watchesStore() && !replaying) { // those deliver their day themselves
            storedDays.read(symbol);
        }
    }

    /** How far the symbol's day so far has come into the live series (any thread, without waiting). */
    public enum DayFill { IN, READING, AWAITING_FIRST_BAR, FETCHING }

    /**
     * Whether the symbol's day so far is in, or still being read from the database, waiting for the symbol's first
     * streamed bar (the provider's REST history is fetched up to it), or being fetched.
     */
    public DayFill dayFill(String symbol) {
        Backfill backfill = pipeline.backfill();
        return storedDays.reading(symbol) ? DayFill.READING
                : backfill != null && backfill.fetchingDayOf(symbol) ? DayFill.FETCHING
                : backfill != null && backfill.awaitingDayOf(symbol) ? DayFill.AWAITING_FIRST_BAR : DayFill.IN;
    }

    /** Opens the store and starts streaming the watchlist (or the whole market: every symbol, {@code *}). */
    public static LiveSession start(Settings settings) {
        LiveSession session = new LiveSession(settings);
        session.pipeline.start(settings.wholeMarket() ? List.of(CoverageSpan.ALL_SYMBOLS) : session.watchlist);
        return session;
    }

    /** The live series for the watchlist's symbols only: the rest of the market keeps to the movers' trails. */
    private FeedListener watchedOnly() {
        return new FeedListener() {
            @Override
            public void bars(List<Bar> bars) {
                List<Bar> watched = new ArrayList<>();
                for (Bar bar : bars) {
                    if (charted.contains(bar.symbol())) {
                        watched.add(bar);
                    }
                }
                if (!watched.isEmpty()) {
                    series.bars(watched);
                }
            }

            @Override
            public void removed(List<dev.tapewatch.feed.SecondAggregator.Removed> removed) {
                series.removed(removed);
            }
        };
    }

    /** Every symbol received, judged each second: what the Movers pane lists. */
    public MoversEngine movers() {
        return movers;
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

    public MarketProvider provider() {
        return connection.provider();
    }

    public FeedStatus status() {
        return connection.feed().status();
    }

    public FeedStats stats() {
        return connection.feed().stats();
    }

    /** Bars this session has stored (committed and on disk). */
    public long barsStored() {
        return pipeline.recorder().writer().stats().written();
    }

    /** Bars received and not yet stored. */
    public long barsPending() {
        return pipeline.recorder().writer().stats().pending();
    }

    /** Failed write attempts since start (retried; a healthy session has none). */
    public long storeFailures() {
        return pipeline.recorder().writer().stats().failedAttempts();
    }

    /** Bars that could not be stored (only when stopping while the database kept failing). */
    public long barsUnstored() {
        return pipeline.recorder().writer().stats().unstored();
    }

    /** The provider's REST history (the simulator's own for the simulator), for audits. */
    public dev.tapewatch.feed.SecondHistory history() {
        if (connection.rest() == null) {
            throw new IllegalStateException("This window watches a recorder's database and has no provider to audit"
                    + " against: run tapewatch audit where the recorder runs, or choose a provider in Settings.");
        }
        return connection.rest();
    }

    /** Why storing fails right now, or null while it works. */
    public dev.tapewatch.store.BarWriter.Problem storeProblem() {
        return pipeline.recorder().writer().stats().problem();
    }

    /** How fast a simulated market runs against the real clock; 1 for a real one. */
    public double marketSpeed() {
        return connection.simulator() == null ? 1 : connection.simulator().clock().speed();
    }

    public LongSupplier marketClock() {
        return connection.marketClock();
    }

    public void onSpike(Consumer<Spike> listener) {
        pipeline.spikes().onSpike(listener);
    }

    public synchronized List<String> watchlist() {
        return new ArrayList<>(watchlist);
    }

    public synchronized void watch(String symbol) {
        if (watchlist.add(symbol)) {
            charted.add(symbol);
            if (!settings.wholeMarket()) {
                connection.feed().subscribe(List.of(symbol)); // the whole market brings it already
            }
            loadStoredDay(symbol);
        }
    }

    public synchronized void unwatch(String symbol) {
        if (watchlist.remove(symbol)) {
            charted.remove(symbol);
            if (!settings.wholeMarket()) {
                connection.feed().unsubscribe(List.of(symbol));
            }
        }
    }

    /**
     * Stops in the order that loses nothing: the pipeline stores all it received, then the store closes. Close
     * the window's background jobs first: they may be reading this store.
     */
    @Override
    public void close() throws InterruptedException {
        if (!closed.compareAndSet(false, true)) {
            return; // not synchronized: the FX thread's watch/unwatch must never wait for a closing store
        }
        try {
            storedDays.close();
            if (closes != null) {
                closes.close();
            }
            pipeline.close();
            if (relay != null) {
                relay.close();
            }
        } finally {
            if (ownsStore) {
                store.close();
            }
        }
    }
}
