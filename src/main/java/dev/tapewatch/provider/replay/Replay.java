package dev.tapewatch.provider.replay;

import dev.tapewatch.feed.PolygonProtocol;
import dev.tapewatch.feed.PolygonRest;
import dev.tapewatch.feed.StreamFeed;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.provider.OwnSettings;
import dev.tapewatch.provider.ProviderHistory;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.Wiring;
import dev.tapewatch.serve.MarketServer;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * A stored day played through the live path (History → Replay) from a market server in this process, in Polygon's
 * protocol and on that server's clock. Not a setting: a session makes it for the day it replays.
 */
public final class Replay implements MarketProvider {
    public static final Replay PROVIDER = new Replay();

    /** The server playing the day, owned by the connection from then on. */
    private record Server(MarketServer server) implements OwnSettings {
        @Override
        public String toString() {
            return "Replay[" + server.url() + "]";
        }
    }

    private Replay() {
    }

    /** Settings that play {@code server}'s day behind {@code key}. */
    public FeedSettings settings(MarketServer server, String key, long stalenessMillis) {
        return new FeedSettings(this, server.url(), key, stalenessMillis, null, false, new Server(server));
    }

    @Override
    public String id() {
        return "replay";
    }

    @Override
    public String label() {
        return "Replay";
    }

    @Override
    public FeedSettings settings(SettingsInput input) {
        throw new IllegalArgumentException("a replay is started from a stored day, not from the settings");
    }

    @Override
    public MarketConnection connect(FeedSettings settings, Wiring wiring) {
        MarketServer server = settings.own(Server.class).server();
        StreamFeed.Config config = StreamFeed.Config.of(server.url()).withMarketClock(server.clock()::now);
        return new MarketConnection(this, server, new StreamFeed(config, new PolygonProtocol(settings.key()),
                wiring.listener(), wiring.threads()), new PolygonRest(server.restUrl(), settings.key()),
                server.clock()::now);
    }

    @Override
    public ProviderHistory history(FeedSettings settings, Function<String, ThreadFactory> threads) {
        return new ProviderHistory(new PolygonRest(settings.own(Server.class).server().restUrl(), settings.key()), null);
    }
}
