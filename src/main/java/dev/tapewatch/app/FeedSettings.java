package dev.tapewatch.app;

import dev.tapewatch.feed.Backoff;
import dev.tapewatch.feed.StreamFeed;
import dev.tapewatch.feed.Secrets;
import dev.tapewatch.sim.SimulatorSettings;
import java.net.URI;

/**
 * Everything that picks and tunes the live feed and its REST history. {@code key} is a secret: never print
 * this record's parts, only {@link #toString()}. {@code restUrl} null means the provider's own; {@code backfill}
 * turns filling gaps from REST on or off.
 */
public record FeedSettings(Provider provider, URI url, String key, long stalenessMillis,
                           SimulatorSettings simulation, URI restUrl, boolean backfill, Alpaca alpaca) {

    /** Alpaca's secret (never print it) and feed ({@code iex}, {@code sip}, {@code delayed_sip}, {@code test}). */
    public record Alpaca(String secret, String feed) {
        public static final java.util.List<String> FEEDS = java.util.List.of("iex", "sip", "delayed_sip", "test");

        @Override
        public String toString() {
            return "Alpaca[secret=***, feed=" + feed + "]";
        }
    }

    public FeedSettings(Provider provider, URI url, String key, long stalenessMillis, SimulatorSettings simulation,
                        URI restUrl, boolean backfill) {
        this(provider, url, key, stalenessMillis, simulation, restUrl, backfill, null);
    }

    public static FeedSettings simulator(SimulatorSettings simulation) {
        return new FeedSettings(Provider.SIMULATOR, null, null, 30_000, simulation, null, true);
    }

    public FeedSettings withBackfill(boolean value) {
        return new FeedSettings(provider, url, key, stalenessMillis, simulation, restUrl, value, alpaca);
    }

    public FeedSettings withSimulation(SimulatorSettings value) {
        return new FeedSettings(provider, url, key, stalenessMillis, value, restUrl, backfill, alpaca);
    }

    /**
     * Where REST history is asked: the REST URL given, else the stream's own host when the stream is not the
     * provider's (the key never goes to the provider behind the user's back), else {@code providers}.
     */
    URI rest(URI providers) {
        if (restUrl != null) {
            return restUrl;
        }
        URI beside = SessionConfig.restBesideStream(url);
        return beside != null ? beside : providers;
    }

    StreamFeed.Config feedConfig(URI target) {
        return new StreamFeed.Config(target, stalenessMillis, 20_000, 10_000, Backoff.DEFAULT, System::currentTimeMillis);
    }

    @Override
    public String toString() {
        return "FeedSettings[provider=" + provider + ", url=" + Secrets.redact(String.valueOf(url), key)
                + ", key=" + (key == null ? "none" : "***") + ", stalenessMillis=" + stalenessMillis
                + ", restUrl=" + Secrets.redact(String.valueOf(restUrl), key) + ", backfill=" + backfill
                + (alpaca == null ? "" : ", " + alpaca) + "]";
    }
}
