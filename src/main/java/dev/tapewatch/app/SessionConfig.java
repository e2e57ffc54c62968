package dev.tapewatch.app;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.StoreLocation;
import java.net.URI;
import java.time.LocalDateTime;
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
    public static final String SIM_SPEED = "simulator.speed";
    public static final String SIM_SEED = "simulator.seed";
    public static final String SIM_START = "simulator.start";
    public static final String STALENESS = "staleness.seconds";
    public static final String REST_URL = "rest.url";
    public static final String BACKFILL = "backfill";
    /** The port the window shares its live stream on (absent: not shared); the key is {@link Relay#KEY}. */
    public static final String SHARE_PORT = "share.port";
    /** The key of a recorder's shared stream, for the Local Tapewatch provider (a secret). */
    public static final String LOCAL_KEY = "local.key";

    /** What the command line says; null where it says nothing, so the settings file decides. */
    public record Overrides(String provider, URI url, URI restUrl, String key, Long stalenessMillis, Double speed,
                            Long seed, Long start, Boolean backfill, String secret, String alpacaFeed) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null);

        public Overrides(String provider, URI url, URI restUrl, String key, Long stalenessMillis, Double speed,
                         Long seed, Long start, Boolean backfill) {
            this(provider, url, restUrl, key, stalenessMillis, speed, seed, start, backfill, null, null);
        }
    }

    /** The setting "Watch the whole market" (movers of every symbol; the charts keep to the watchlist). */
    public static final String WHOLE_MARKET = "movers.wholeMarket";

    /** Who reads a missing setting's advice: the window's user fixes it in Settings, not with flags. */
    private enum Audience { WINDOW, COMMAND_LINE }

    private SessionConfig() {
    }

    public static LiveSession.Settings read(AppConfig config, AppPaths paths, Map<String, String> environment) {
        FeedSettings feed = feed(config, environment, Overrides.NONE, Audience.WINDOW);
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
     * The provider: the flag's, else the file's, else Polygon when a key is configured, else the simulator.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static FeedSettings feed(AppConfig config, Map<String, String> environment, Overrides flags) {
        return feed(config, environment, flags, Audience.COMMAND_LINE);
    }

    private static FeedSettings feed(AppConfig config, Map<String, String> environment, Overrides flags,
                                     Audience audience) {
        String key = config.polygonKey(flags.key(), environment).orElse(null);
        Provider provider = flags.provider() != null ? Provider.parse(flags.provider())
                : config.get(AppConfig.PROVIDER).map(Provider::parse)
                        .orElse(key != null ? Provider.POLYGON : Provider.SIMULATOR);
        long staleness = flags.stalenessMillis() != null ? flags.stalenessMillis()
                : (long) (number(config, STALENESS, 30) * 1000);
        boolean backfill = flags.backfill() != null ? flags.backfill()
                : Boolean.parseBoolean(config.get(BACKFILL).orElse("true"));
        URI restUrl = flags.restUrl() != null ? restBase(flags.restUrl(), "--rest-url")
                : config.get(REST_URL).map(text -> restBase(uri(text, REST_URL, config), REST_URL + " in "
                        + config.file())).orElse(null);
        if (provider == Provider.DATABASE) {
            return new FeedSettings(provider, null, null, staleness, null, null, false);
        }
        if (provider.simulated()) {
            SimulatorSettings simulation = SimulatorSettings.builder()
                    .speed(flags.speed() != null ? flags.speed() : number(config, SIM_SPEED, 1))
                    .seed(flags.seed() != null ? flags.seed() : (long) number(config, SIM_SEED, 1))
                    .start(flags.start() != null ? flags.start() : config.get(SIM_START)
                            .map(text -> ExchangeTime.toEpochMillis(LocalDateTime.parse(text))).orElse(null))
                    .build();
            return new FeedSettings(provider, null, null, staleness, simulation, restUrl, backfill);
        }
        if (provider == Provider.LOCAL) {
            return local(config, flags, staleness, restUrl, backfill, audience);
        }
        if (provider == Provider.ALPACA) {
            return alpaca(config, environment, flags, staleness, restUrl, backfill, audience);
        }
        if (key == null) {
            throw new IllegalArgumentException(audience == Audience.WINDOW
                    ? "No Polygon API key: paste yours in Settings (Ctrl+,) → API key, or set "
                            + AppConfig.ENV_POLYGON_KEY + "; without a key, choose Settings → Provider → Simulated market."
                    : "No Polygon API key: set " + AppConfig.ENV_POLYGON_KEY + " (preferred), pass --key, or add "
                            + AppConfig.POLYGON_KEY + " to " + config.file()
                            + ". Without a key, use the simulator (--provider simulator).");
        }
        URI url = streamUrl(config, flags);
        return new FeedSettings(provider, url, key, staleness, null, restUrl != null ? restUrl
                : restBesideStream(url), backfill);
    }

    /**
     * The REST base on the stream's own host when the stream is not the provider's (a proxy, a relay, a test
     * server): the key then never goes to the provider's REST behind the user's back. Null for the provider's own
     * stream hosts (their REST is the provider's) or no URL.
     */
    public static URI restBesideStream(URI stream) {
        if (stream == null || stream.getHost() == null || providersHost(stream.getHost())) {
            return null;
        }
        String scheme = "wss".equalsIgnoreCase(stream.getScheme()) || "https".equalsIgnoreCase(stream.getScheme())
                ? "https" : "http";
        return URI.create(scheme + "://" + stream.getRawAuthority().replaceFirst("^.*@", ""));
    }

    private static boolean providersHost(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return List.of("polygon.io", "massive.com", "alpaca.markets").stream()
                .anyMatch(domain -> name.equals(domain) || name.endsWith("." + domain));
    }

    /** The stream's base URL (flag, else the settings file), checked: a ws:// or wss:// URL with a host. */
    private static URI streamUrl(AppConfig config, Overrides flags) {
        URI url = flags.url() != null ? flags.url()
                : config.get(AppConfig.URL).map(text -> uri(text, AppConfig.URL, config)).orElse(null);
        if (url == null) {
            return null;
        }
        boolean websocket = "ws".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
        if (!websocket || url.getHost() == null) {
            String where = flags.url() != null ? "--url" : AppConfig.URL + " in " + config.file();
            throw new IllegalArgumentException(where + " must be a websocket URL such as ws://127.0.0.1:8765 or"
                    + " wss://socket.polygon.io; was " + (url.getScheme() == null ? "'" + url.getRawPath() + "'"
                    : url.getScheme() + "://" + (url.getHost() == null ? "…" : url.getHost()
                    + (url.getPort() < 0 ? "" : ":" + url.getPort()))) + ".");
        }
        return url;
    }

    /**
     * A REST base URL as given ({@code where} names the option or setting): http or https with a host, and no
     * query, fragment or user info, which a path joined after it would break or a printed URL would show.
     */
    static URI restBase(URI given, String where) {
        boolean web = "http".equalsIgnoreCase(given.getScheme()) || "https".equalsIgnoreCase(given.getScheme());
        if (!web || given.getHost() == null || given.getRawQuery() != null || given.getRawFragment() != null
                || given.getRawUserInfo() != null) {
            String shown = web && given.getHost() != null ? given.getScheme() + "://" + given.getHost()
                    + (given.getPort() < 0 ? "" : ":" + given.getPort()) + (given.getRawPath() == null ? ""
                    : given.getRawPath()) + (given.getRawQuery() != null || given.getRawFragment() != null
                    || given.getRawUserInfo() != null ? " (with a query, fragment or user info, not shown)" : "")
                    : "'" + (given.getScheme() == null ? given.getRawSchemeSpecificPart() : given.getScheme() + ":…")
                    + "'";
            throw new IllegalArgumentException(where + " must be a base URL such as http://127.0.0.1:8765 or"
                    + " https://api.polygon.io, with no query, fragment or user info (the key goes in --key or the"
                    + " environment, never in a URL); was " + shown + ".");
        }
        return given;
    }

    private static URI uri(String text, String name, AppConfig config) {
        try {
            return new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " in " + config.file() + " is not a URL (" + e.getReason()
                    + "); fix or delete that line.");
        }
    }

    /** Alpaca: key id and secret (flags, APCA_API_* variables, or the settings file) and a feed. */
    private static FeedSettings alpaca(AppConfig config, Map<String, String> environment, Overrides flags,
                                       long staleness, URI restUrl, boolean backfill, Audience audience) {
        String keyId = config.credential(flags.key(), environment, AppConfig.ENV_ALPACA_KEY, AppConfig.ALPACA_KEY)
                .orElse(null);
        String secret = config.credential(flags.secret(), environment, AppConfig.ENV_ALPACA_SECRET,
                AppConfig.ALPACA_SECRET).orElse(null);
        if (keyId == null || secret == null) {
            throw new IllegalArgumentException(audience == Audience.WINDOW
                    ? "Alpaca needs a key id and a secret: enter them in Settings (Ctrl+,) → API key and Alpaca"
                            + " secret, or set " + AppConfig.ENV_ALPACA_KEY + " and " + AppConfig.ENV_ALPACA_SECRET + "."
                    : "Alpaca needs a key id and a secret: set " + AppConfig.ENV_ALPACA_KEY + " and "
                            + AppConfig.ENV_ALPACA_SECRET + " (preferred), pass --key and --secret, or add "
                            + AppConfig.ALPACA_KEY + " and " + AppConfig.ALPACA_SECRET + " to " + config.file() + ".");
        }
        String feed = flags.alpacaFeed() != null ? flags.alpacaFeed() : config.get(AppConfig.ALPACA_FEED).orElse("iex");
        if (!FeedSettings.Alpaca.FEEDS.contains(feed)) {
            throw new IllegalArgumentException("Alpaca feed '" + feed + "' is not one of "
                    + String.join(", ", FeedSettings.Alpaca.FEEDS) + " (iex is the free plan's).");
        }
        URI url = streamUrl(config, flags);
        return new FeedSettings(Provider.ALPACA, url, keyId, staleness, null, restUrl != null ? restUrl
                : restBesideStream(url), backfill,
                new FeedSettings.Alpaca(secret, feed));
    }

    /** A recorder's shared stream: the URL it printed, its local key, and its REST (the recorder's database). */
    private static FeedSettings local(AppConfig config, Overrides flags, long staleness, URI restUrl, boolean backfill,
                                      Audience audience) {
        boolean window = audience == Audience.WINDOW;
        URI url = streamUrl(config, flags);
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("Local Tapewatch needs the address the recorder printed (record --serve:"
                    + " \"Sharing the stream on ws://127.0.0.1:PORT/stocks\"): set URL in Settings"
                    + (window ? " (Ctrl+,)." : ", or --url."));
        }
        String key = flags.key() != null ? flags.key() : config.get(LOCAL_KEY).orElse(null);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Local Tapewatch needs the recorder's local key (record prints it at"
                    + " start; it is relay.key in that machine's settings file): set API key in Settings"
                    + (window ? " (Ctrl+,)." : ", or --key."));
        }
        URI rest = restUrl != null ? restUrl : URI.create("http://" + url.getHost() + ":" + url.getPort());
        return new FeedSettings(Provider.LOCAL, url, key, staleness, null, rest, backfill);
    }

    /**
     * The database: the file's setting, else the user's data folder (the simulator's own file for the simulator).
     * A PostgreSQL URL without a password takes the file's {@code database.password}, if any.
     */
    public static StoreLocation store(AppConfig config, AppPaths paths, Provider provider) {
        StoreLocation location = config.get(AppConfig.DATABASE).map(StoreLocation::parse)
                .orElse(StoreLocation.ofFile(provider.simulated() ? paths.simulatorDatabase()
                        : paths.defaultDatabase()));
        String password = config.get(AppConfig.DATABASE_PASSWORD).orElse(null);
        return password == null ? location : location.withPassword(password);
    }

    private static double number(AppConfig config, String name, double fallback) {
        String text = config.get(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " in " + config.file() + " is '" + text
                    + "', not a number; fix or delete that line.");
        }
    }
}
