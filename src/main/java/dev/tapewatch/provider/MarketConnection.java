package dev.tapewatch.provider;

import dev.tapewatch.feed.Feed;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.serve.MarketServer;
import java.util.function.LongSupplier;

/**
 * A provider's live feed, its REST history and its clock, and the in-process market server it reads from when
 * it has one (the simulator and a replay are always reached through a real loopback websocket, exactly like a
 * real provider). Closing it closes the feed and that server.
 */
public final class MarketConnection implements AutoCloseable {
    private final MarketProvider provider;
    private final MarketServer server;
    private final Feed feed;
    private final SecondHistory rest;
    private final LongSupplier marketClock;

    /** {@code server}: the in-process server it owns, or null; {@code rest} null: it has no REST history. */
    public MarketConnection(MarketProvider provider, MarketServer server, Feed feed, SecondHistory rest,
                            LongSupplier marketClock) {
        this.provider = provider;
        this.server = server;
        this.feed = feed;
        this.rest = rest;
        this.marketClock = marketClock;
    }

    /** The provider's REST history (the simulator's own for the simulator); null when watching a database. */
    public SecondHistory rest() {
        return rest;
    }

    public Feed feed() {
        return feed;
    }

    public MarketProvider provider() {
        return provider;
    }

    /** The in-process market server (the simulator, or a replay), or null for a real provider. */
    public MarketServer simulator() {
        return server;
    }

    /** "Now" in the bars' time base: the simulator's clock, or the real one. */
    public LongSupplier marketClock() {
        return marketClock;
    }

    @Override
    public void close() {
        feed.close();
        if (server != null) {
            server.close();
        }
    }
}
