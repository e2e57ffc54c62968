package dev.tapewatch.provider;

import java.net.URI;

/** What the command line says about the feed; null where it says nothing, so the settings file decides. */
public record FeedFlags(String provider, URI url, URI restUrl, String key, Long stalenessMillis, Double speed,
                        Long seed, Long start, Boolean backfill, String secret, String alpacaFeed) {
    public static final FeedFlags NONE = new FeedFlags(null, null, null, null, null, null, null, null, null);

    public FeedFlags(String provider, URI url, URI restUrl, String key, Long stalenessMillis, Double speed,
                     Long seed, Long start, Boolean backfill) {
        this(provider, url, restUrl, key, stalenessMillis, speed, seed, start, backfill, null, null);
    }
}
