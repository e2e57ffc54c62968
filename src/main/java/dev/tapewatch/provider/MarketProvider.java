package dev.tapewatch.provider;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Where live bars come from: the one place that turns a provider's settings into its stream, its REST history and
 * its clock. Each provider is an implementation in a package of its own below {@code dev.tapewatch.provider},
 * registered once in {@code app.Providers}; everyone else asks it rather than naming it.
 */
public interface MarketProvider {
    /** What the settings file's {@code provider} entry and {@code --provider} say. */
    String id();

    /** What a person reads: in the Settings dialog and the status bar. */
    String label();

    /** The stream's base URL when the settings name none; null when it has none of its own. */
    default URI defaultUrl() {
        return null;
    }

    /** The domains of the provider's own servers: a stream there takes its REST history from the provider. */
    default List<String> domains() {
        return List.of();
    }

    /** The built-in simulated market: it records into a database of its own and trades only tickers it knows. */
    default boolean simulated() {
        return false;
    }

    /**
     * Whether its bars are those a recorder elsewhere stores in the session's own database: then nothing is
     * recorded, backfilled or loaded from the store besides what it delivers.
     */
    default boolean watchesStore() {
        return false;
    }

    /**
     * Reads its settings: the command line's flags over the environment over the settings file.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    FeedSettings settings(SettingsInput input);

    /** Opens (but does not start) its stream, with its REST history and clock; closing it closes what it started. */
    MarketConnection connect(FeedSettings settings, Wiring wiring);

    /** Its REST history without a stream (for an audit); what it starts for the purpose closes with it. */
    ProviderHistory history(FeedSettings settings, Function<String, ThreadFactory> threads) throws IOException;

    /**
     * These settings serving a whole market of {@code symbols} symbols, for a provider that makes its market up
     * (settings that serve one already stay as they are); empty for a provider whose whole market is real.
     */
    default Optional<FeedSettings> withSimulatedMarket(FeedSettings settings, int symbols) {
        return Optional.empty();
    }

    /**
     * These settings with a made-up market's day going on from {@code marketMillis} (a session restarted by a
     * settings change carries on the day instead of starting it again); empty for a real market.
     */
    default Optional<FeedSettings> withMarketAt(FeedSettings settings, long marketMillis) {
        return Optional.empty();
    }

    /** What the Settings dialog offers for it. */
    default SettingsForm form() {
        return SettingsForm.NONE;
    }

    /**
     * The REST base on the stream's own host when the stream is not on one of {@link #domains()} (a proxy, a relay,
     * a test server): the key then never goes to the provider's REST behind the user's back. Null for the
     * provider's own hosts, or no URL.
     */
    default URI restBeside(URI stream) {
        if (stream == null || stream.getHost() == null) {
            return null;
        }
        String host = stream.getHost().toLowerCase(Locale.ROOT);
        if (domains().stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain))) {
            return null;
        }
        String scheme = "wss".equalsIgnoreCase(stream.getScheme()) || "https".equalsIgnoreCase(stream.getScheme())
                ? "https" : "http";
        return URI.create(scheme + "://" + stream.getRawAuthority().replaceFirst("^.*@", ""));
    }
}
