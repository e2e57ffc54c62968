package dev.tapewatch.app;

import dev.tapewatch.feed.PolygonRest;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import java.io.IOException;

/**
 * The provider's REST history without a live feed (for audit): its REST URL and key, or, for the simulator
 * without a URL, a simulated market started on 127.0.0.1 for the purpose, closed with this.
 */
public final class ProviderHistory implements AutoCloseable {
    private final SecondHistory client;
    private final MarketServer simulator;

    private ProviderHistory(SecondHistory client, MarketServer simulator) {
        this.client = client;
        this.simulator = simulator;
    }

    public static ProviderHistory open(FeedSettings settings) throws IOException {
        if (settings.provider() == Provider.SIMULATOR_ALPACA) {
            MarketServer server = MarketServer.simulate(ServerSettings.of(ServerSettings.Protocol.ALPACA),
                    settings.simulation(), Threads::named);
            return new ProviderHistory(new dev.tapewatch.feed.AlpacaRest(settings.restUrl() != null
                    ? settings.restUrl() : server.restUrl(), MarketConnection.SIMULATOR_KEY,
                    MarketConnection.SIMULATOR_KEY, "iex"), server);
        }
        if (settings.provider() == Provider.SIMULATOR) {
            if (settings.restUrl() != null) {
                return new ProviderHistory(new PolygonRest(settings.restUrl(), MarketConnection.SIMULATOR_KEY), null);
            }
            MarketServer server = MarketServer.simulate(ServerSettings.of(ServerSettings.Protocol.POLYGON),
                    settings.simulation(), Threads::named);
            return new ProviderHistory(new PolygonRest(server.restUrl(), MarketConnection.SIMULATOR_KEY), server);
        }
        if (settings.provider() == Provider.ALPACA) {
            return new ProviderHistory(MarketConnection.alpacaRest(settings), null);
        }
        return new ProviderHistory(new PolygonRest(settings.rest(PolygonRest.DEFAULT_URL), settings.key()), null);
    }

    public SecondHistory client() {
        return client;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
