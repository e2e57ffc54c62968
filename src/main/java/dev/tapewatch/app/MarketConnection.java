package dev.tapewatch.app;

import dev.tapewatch.feed.AlpacaProtocol;
import dev.tapewatch.feed.AlpacaRest;
import dev.tapewatch.feed.Feed;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.PolygonProtocol;
import dev.tapewatch.feed.StreamFeed;
import dev.tapewatch.feed.PolygonRest;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.store.BarStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.LongSupplier;

/**
 * A live feed and, for the simulator, the local server it reads from: the simulator is always reached
 * through a real loopback websocket, exactly like the real provider. For {@link Provider#DATABASE} the feed follows
 * what a recorder elsewhere stores in the shared database, and there is no REST history.
 */
public final class MarketConnection implements AutoCloseable {
    /** The key the in-process simulator is given; it accepts any non-blank key. */
    static final String SIMULATOR_KEY = "simulator";

    private final Provider provider;
    private final MarketServer simulator;
    private final Feed feed;
    private final SecondHistory rest;
    private final LongSupplier marketClock;

    private MarketConnection(Provider provider, MarketServer simulator, Feed feed, SecondHistory rest,
                             LongSupplier marketClock) {
        this.provider = provider;
        this.simulator = simulator;
        this.feed = feed;
        this.rest = rest;
        this.marketClock = marketClock;
    }

    /** Plays {@code server} (a stored day's replay, owned from now on) through a real loopback websocket. */
    static MarketConnection replaying(MarketServer server, String key, FeedListener listener) {
        StreamFeed.Config config = StreamFeed.Config.of(server.url()).withMarketClock(server.clock()::now);
        return new MarketConnection(Provider.REPLAY, server,
                new StreamFeed(config, new PolygonProtocol(key), listener, Threads::named),
                new PolygonRest(server.restUrl(), key), server.clock()::now);
    }

    /** Follows the bars a recorder stores in {@code store} (a PostgreSQL database). */
    public static MarketConnection watching(BarStore store, FeedListener listener) {
        if (!store.location().isPostgres()) {
            throw new IllegalArgumentException("Watching a recorder needs the PostgreSQL database it records into;"
                    + " " + store.location().describe() + " is not one. Set Database to jdbc:postgresql://HOST:PORT/DB"
                    + "?user=USER (Settings), or choose another provider.");
        }
        DatabaseFeed feed = new DatabaseFeed(store, listener);
        return new MarketConnection(Provider.DATABASE, null, feed, null, feed::marketClock);
    }

    /**
     * Opens (but does not start) the feed. For the simulator a local server is started first with
     * {@code simulation}'s settings; {@code url} and {@code key} are then ignored.
     */
    public static MarketConnection open(FeedSettings settings, FeedListener listener) {
        if (settings.provider().simulated()) {
            boolean alpaca = settings.provider() == Provider.SIMULATOR_ALPACA;
            MarketServer server;
            try {
                server = MarketServer.simulate(ServerSettings.of(alpaca ? ServerSettings.Protocol.ALPACA
                        : ServerSettings.Protocol.POLYGON), settings.simulation(), Threads::named);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the simulated market on 127.0.0.1: " + e.getMessage(), e);
            }
            StreamFeed.Config config = settings.feedConfig(server.url()).withMarketClock(server.clock()::now);
            URI restUrl = settings.restUrl() != null ? settings.restUrl() : server.restUrl();
            if (alpaca) {
                return new MarketConnection(Provider.SIMULATOR_ALPACA, server, new StreamFeed(config,
                        new AlpacaProtocol(SIMULATOR_KEY, SIMULATOR_KEY, "iex"), listener, Threads::named),
                        new AlpacaRest(restUrl, SIMULATOR_KEY, SIMULATOR_KEY, "iex"), server.clock()::now);
            }
            return new MarketConnection(Provider.SIMULATOR, server, new StreamFeed(config, new PolygonProtocol(SIMULATOR_KEY),
                    listener, Threads::named), new PolygonRest(restUrl, SIMULATOR_KEY), server.clock()::now);
        }
        URI url = settings.url() != null ? settings.url() : settings.provider().defaultUrl();
        if (settings.provider() == Provider.ALPACA) {
            FeedSettings.Alpaca alpaca = settings.alpaca();
            return new MarketConnection(Provider.ALPACA, null, new StreamFeed(settings.feedConfig(url),
                    new AlpacaProtocol(settings.key(), alpaca.secret(), alpaca.feed()), listener, Threads::named),
                    alpacaRest(settings), System::currentTimeMillis);
        }
        URI restUrl = settings.rest(PolygonRest.DEFAULT_URL);
        return new MarketConnection(settings.provider(), null,
                new StreamFeed(settings.feedConfig(url), new PolygonProtocol(settings.key()), listener, Threads::named),
                new PolygonRest(restUrl, settings.key()), System::currentTimeMillis);
    }

    static AlpacaRest alpacaRest(FeedSettings settings) {
        return new AlpacaRest(settings.rest(AlpacaRest.DEFAULT_URL), settings.key(),
                settings.alpaca().secret(), settings.alpaca().feed());
    }

    /** The provider's REST history (the simulator's own for the simulator); null when watching a database. */
    public SecondHistory rest() {
        return rest;
    }

    public Feed feed() {
        return feed;
    }

    public Provider provider() {
        return provider;
    }

    /** The in-process market server (the simulator, or a replay), or null for a real provider. */
    public MarketServer simulator() {
        return simulator;
    }

    /** "Now" in the bars' time base: the simulator's clock, or the real one. */
    public LongSupplier marketClock() {
        return marketClock;
    }

    @Override
    public void close() {
        feed.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
