package dev.tapewatch.provider;

import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.serve.MarketServer;

/**
 * A provider's REST history without a live feed (for audit): its REST client, and the market server started on
 * 127.0.0.1 for the purpose when there is one (the simulator without a REST URL), closed with this.
 */
public final class ProviderHistory implements AutoCloseable {
    private final SecondHistory client;
    private final MarketServer server;

    /** {@code server}: started for this history and closed with it, or null. */
    public ProviderHistory(SecondHistory client, MarketServer server) {
        this.client = client;
        this.server = server;
    }

    public SecondHistory client() {
        return client;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
