package dev.tapewatch.provider;

import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.feed.StreamFeed;
import dev.tapewatch.feed.StreamProtocol;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * A provider reached over the network on the real clock: its websocket spoken in its {@link StreamProtocol}, and
 * its REST history. An implementation says which protocol and which REST client; the connection is the same.
 */
public abstract class RemoteProvider implements MarketProvider {
    private final String id;
    private final String label;
    private final URI defaultUrl;
    private final List<String> domains;

    /** {@code defaultUrl} null: the settings always name the stream's URL. */
    protected RemoteProvider(String id, String label, URI defaultUrl, List<String> domains) {
        this.id = id;
        this.label = label;
        this.defaultUrl = defaultUrl;
        this.domains = domains;
    }

    /** How its stream is spoken, with the settings' credentials. */
    protected abstract StreamProtocol protocol(FeedSettings settings);

    /** Its REST history, asked where {@link FeedSettings#rest} says. */
    protected abstract SecondHistory rest(FeedSettings settings);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final URI defaultUrl() {
        return defaultUrl;
    }

    @Override
    public final List<String> domains() {
        return domains;
    }

    @Override
    public final MarketConnection connect(FeedSettings settings, Wiring wiring) {
        return new MarketConnection(this, null, new StreamFeed(settings.feedConfig(settings.streamUrl()),
                protocol(settings), wiring.listener(), wiring.threads()), rest(settings), System::currentTimeMillis);
    }

    @Override
    public final ProviderHistory history(FeedSettings settings, Function<String, ThreadFactory> threads) {
        return new ProviderHistory(rest(settings), null);
    }
}
