package dev.tapewatch.app;

import dev.tapewatch.market.Symbols;
import dev.tapewatch.provider.FeedFlags;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.store.StoreLocation;
import java.util.List;
import java.util.Map;

/**
 * Turns the settings file (and, for the command line, its flags) into what a live session needs; missing
 * settings take first-run defaults. The window and {@code record} both choose provider, URLs, key and database
 * here, so they agree.
 */
public final class SessionConfig {
    public static final List<String> FIRST_RUN_WATCHLIST = List.of("SPY", "AAPL", "MSFT", "NVDA", "TSLA");
    public static final String WATCHLIST = "watchlist";
    /** The port the window shares its live stream on (absent: not shared); the key is {@link Relay#KEY}. */
    public static final String SHARE_PORT = "share.port";

    /** The setting "Watch the whole market" (movers of every symbol; the charts keep to the watchlist). */
    public static final String WHOLE_MARKET = "movers.wholeMarket";

    private SessionConfig() {
    }

    public static LiveSession.Settings read(AppConfig config, AppPaths paths, Map<String, String> environment) {
        FeedSettings feed = Providers.feedForWindow(config, environment);
        List<String> watchlist = config.get(WATCHLIST).map(Symbols::parseList).orElse(FIRST_RUN_WATCHLIST);
        return new LiveSession.Settings(feed, store(config, paths, feed.provider()), DetectorConfig.read(config),
                watchlist, share(config)).withWholeMarket(config.get(WHOLE_MARKET).map(Boolean::parseBoolean)
                .orElse(false));
    }

    /** The window's sharing of its live stream, or null when off. The key must be in the file already. */
    static LiveSession.Share share(AppConfig config) {
        String port = config.get(SHARE_PORT).orElse(null);
        if (port == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65_535) {
            throw new IllegalArgumentException(SHARE_PORT + " in " + config.file() + " is '" + port + "', not a port"
                    + " (0 to 65535); fix or delete that line.");
        }
        String key = config.get(Relay.KEY).orElseThrow(() -> new IllegalArgumentException(SHARE_PORT + " is set in "
                + config.file() + " but " + Relay.KEY + " is not: turn sharing on in Settings, which makes one."));
        return new LiveSession.Share(number, key);
    }

    /**
     * The database: the file's setting, else the user's data folder (the simulator's own file for the simulator).
     * A PostgreSQL URL without a password takes the file's {@code database.password}, if any.
     */
    public static StoreLocation store(AppConfig config, AppPaths paths, MarketProvider provider) {
        StoreLocation location = config.get(AppConfig.DATABASE).map(StoreLocation::parse)
                .orElse(StoreLocation.ofFile(provider.simulated() ? paths.simulatorDatabase()
                        : paths.defaultDatabase()));
        String password = config.get(AppConfig.DATABASE_PASSWORD).orElse(null);
        return password == null ? location : location.withPassword(password);
    }
}
