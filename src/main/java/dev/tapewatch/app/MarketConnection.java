package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.PolygonFeed;
import dev.tapewatch.feed.PolygonRest;
import dev.tapewatch.sim.MarketServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.LongSupplier;

/**
 * A live feed and, for the simulator, the local server it reads from: the simulator is always reached
 * through a real loopback websocket, exactly like the real provider.
 */
public final class MarketConnection implements AutoCloseable {
    /** The key the in-process simulator is given; it accepts any non-blank key. */
    static final String SIMULATOR_KEY = "simulator";

    private final Provider provider;
    private final MarketServer simulator;
    private final PolygonFeed feed;
    private final PolygonRest rest;

    private MarketConnection(Provider provider, MarketServer simulator, PolygonFeed feed, PolygonRest rest) {
        this.provider = provider;
        this.simulator = simulator;
        this.feed = feed;
        this.rest = rest;
    }

    /**
     * Opens (but does not start) the feed. For the simulator a local server is started first with
     * {@code simulation}'s settings; {@code url} and {@code key} are then ignored.
     */
    public static MarketConnection open(FeedSettings settings, FeedListener listener) {
        if (settings.provider() == Provider.SIMULATOR) {
            MarketServer server;
            try {
                server = MarketServer.start(settings.simulation(), Threads::named);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the simulated market on 127.0.0.1: " + e.getMessage(), e);
            }
            PolygonFeed.Config config = settings.feedConfig(server.url(), SIMULATOR_KEY)
                    .withMarketClock(server.clock()::now);
            URI restUrl = settings.restUrl() != null ? settings.restUrl() : server.restUrl();
            return new MarketConnection(Provider.SIMULATOR, server, new PolygonFeed(config, listener, Threads::named),
                    new PolygonRest(restUrl, SIMULATOR_KEY));
        }
        URI url = settings.url() != null ? settings.url() : settings.provider().defaultUrl();
        URI restUrl = settings.restUrl() != null ? settings.restUrl() : PolygonRest.DEFAULT_URL;
        return new MarketConnection(settings.provider(), null,
                new PolygonFeed(settings.feedConfig(url, settings.key()), listener, Threads::named),
                new PolygonRest(restUrl, settings.key()));
    }

    /** The provider's REST history (the simulator's own for the simulator). */
    public PolygonRest rest() {
        return rest;
    }

    public PolygonFeed feed() {
        return feed;
    }

    public Provider provider() {
        return provider;
    }

    /** The in-process simulator, or null for a real provider. */
    public MarketServer simulator() {
        return simulator;
    }

    /** "Now" in the bars' time base: the simulator's clock, or the real one. */
    public LongSupplier marketClock() {
        return simulator != null ? simulator.clock()::now : System::currentTimeMillis;
    }

    @Override
    public void close() {
        feed.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
