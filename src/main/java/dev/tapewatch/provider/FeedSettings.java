package dev.tapewatch.provider;

import dev.tapewatch.feed.Backoff;
import dev.tapewatch.feed.Secrets;
import dev.tapewatch.feed.StreamFeed;
import java.net.URI;

/**
 * Everything that picks and tunes the live feed and its REST history. {@code key} is a secret: never print
 * this record's parts, only {@link #toString()}. {@code restUrl} null means the provider's own; {@code backfill}
 * turns filling gaps from REST on or off; {@code own} is the provider's own settings, if it has any.
 */
public record FeedSettings(MarketProvider provider, URI url, String key, long stalenessMillis, URI restUrl,
                           boolean backfill, OwnSettings own) {

    public FeedSettings(MarketProvider provider, URI url, String key, long stalenessMillis, URI restUrl,
                        boolean backfill) {
        this(provider, url, key, stalenessMillis, restUrl, backfill, null);
    }

    public FeedSettings withBackfill(boolean value) {
        return new FeedSettings(provider, url, key, stalenessMillis, restUrl, value, own);
    }

    public FeedSettings withOwn(OwnSettings value) {
        return new FeedSettings(provider, url, key, stalenessMillis, restUrl, backfill, value);
    }

    /** The provider's own settings, as the type it made them. */
    public <T extends OwnSettings> T own(Class<T> type) {
        return type.cast(own);
    }

    /**
     * Where REST history is asked: the REST URL given, else the stream's own host when the stream is not the
     * provider's (the key never goes to the provider behind the user's back), else {@code providers}.
     */
    public URI rest(URI providers) {
        if (restUrl != null) {
            return restUrl;
        }
        URI beside = provider.restBeside(url);
        return beside != null ? beside : providers;
    }

    /** The stream's URL: the one given, else the provider's. */
    public URI streamUrl() {
        return url != null ? url : provider.defaultUrl();
    }

    public StreamFeed.Config feedConfig(URI target) {
        return new StreamFeed.Config(target, stalenessMillis, 20_000, 10_000, Backoff.DEFAULT, System::currentTimeMillis);
    }

    @Override
    public String toString() {
        return "FeedSettings[provider=" + provider.id() + ", url=" + Secrets.redact(String.valueOf(url), key)
                + ", key=" + (key == null ? "none" : "***") + ", stalenessMillis=" + stalenessMillis
                + ", restUrl=" + Secrets.redact(String.valueOf(restUrl), key) + ", backfill=" + backfill
                + (own == null ? "" : ", " + own) + "]";
    }
}
