package dev.tapewatch.app;

import dev.tapewatch.feed.Backoff;
import dev.tapewatch.feed.PolygonFeed;
import dev.tapewatch.sim.SimulatorServer;
import java.net.URI;

/** Everything that picks and tunes the live feed. {@code key} is a secret: never print this record. */
public record FeedSettings(Provider provider, URI url, String key, long stalenessMillis,
                           SimulatorServer.Settings simulation) {

    public static FeedSettings simulator(SimulatorServer.Settings simulation) {
        return new FeedSettings(Provider.SIMULATOR, null, null, 30_000, simulation);
    }

    PolygonFeed.Config feedConfig(URI target, String apiKey) {
        return new PolygonFeed.Config(target, apiKey, stalenessMillis, 20_000, 10_000, Backoff.DEFAULT,
                System::currentTimeMillis);
    }

    @Override
    public String toString() {
        return "FeedSettings[provider=" + provider + ", url=" + url + ", key=" + (key == null ? "none" : "***")
                + ", stalenessMillis=" + stalenessMillis + "]";
    }
}
