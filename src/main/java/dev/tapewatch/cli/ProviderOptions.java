package dev.tapewatch.cli;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.Providers;
import dev.tapewatch.feed.Secrets;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.provider.FeedFlags;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.store.CoverageSpan;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of a command that streams from a provider ({@code record}, {@code movers}): which provider, its URLs
 * and key, the symbols, how long, and the simulator's market.
 */
final class ProviderOptions {
    /** Why {@code movers} refuses a provider that only watches a database ({@code %s}: its id). */
    private static final String NOT_A_MARKET = "the '%s' provider only watches what a recorder stores (in the window)."
            + " Use --provider simulator|polygon|polygon-delayed|alpaca|local.";

    @Option(names = "--symbols", paramLabel = "SYM,SYM", description = "Tickers, e.g. SPY,AAPL.")
    String symbols;

    @Option(names = "--all", description = "Every symbol the provider sends (subscribes A.*, or all trades on Alpaca).")
    boolean all;

    @Mixin
    AlpacaOptions alpaca;

    @Option(names = "--provider", paramLabel = "simulator|polygon|polygon-delayed|alpaca|local",
            description = "Default: the settings file's, else polygon when a key is configured, else simulator.")
    String provider;

    @Option(names = "--url", description = "Websocket base URL, e.g. ws://127.0.0.1:8765 (default: the settings"
            + " file's, else the provider's).")
    URI url;

    @Option(names = "--rest-url", paramLabel = "URL", description = "REST base URL (default: the provider's; the"
            + " simulator's own for the simulator).")
    URI restUrl;

    @Option(names = "--key", description = "Polygon API key, or Alpaca key id (prefer the POLYGON_API_KEY or"
            + " APCA_API_KEY_ID environment variable: a flag shows in the process list).")
    String key;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (e.g. 30s).")
    Duration duration;

    @Option(names = "--staleness", converter = DurationConverter.class,
            description = "Reconnect when no data arrives for this long (default 30s).")
    Duration staleness;

    @Option(names = "--speed", description = "Simulator only: simulated seconds per second, 0 to 10000 (default 1).")
    Double speed;

    @Option(names = "--seed", description = "Simulator only: seed of the market (default 1).")
    Long seed;

    @Option(names = "--start", converter = MarketTimeConverter.class, paramLabel = "YYYY-MM-DDTHH:MM",
            description = "Simulator only: simulated start, America/New_York.")
    Long start;

    /** The feed to open; {@code backfill} whether gaps are filled over REST (only when storing). */
    FeedSettings feed(CommandSpec spec, AppConfig config, boolean backfill) {
        return feed(spec, config, backfill, NOT_A_MARKET);
    }

    /** The same, {@code notAMarket} saying why a provider that only watches a database is refused. */
    FeedSettings feed(CommandSpec spec, AppConfig config, boolean backfill, String notAMarket) {
        SpeedOption.check(spec, speed);
        try {
            FeedSettings settings = Providers.feed(config, System.getenv(), new FeedFlags(provider, url, restUrl, key,
                    staleness == null ? null : staleness.toMillis(), speed, seed, start, backfill ? null : false,
                    alpaca.secret, alpaca.feed));
            if (settings.provider().watchesStore()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, notAMarket, settings.provider().id()));
            }
            return settings;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** What to subscribe: the tickers given, or every symbol for {@code --all}. */
    List<String> subscription(CommandSpec spec) {
        if (all == (symbols != null)) {
            throw new ParameterException(spec.commandLine(), all ? "give either --symbols or --all, not both"
                    : "Missing required option: '--symbols=SYM,SYM' (or --all for every symbol)");
        }
        if (all) {
            return List.of(CoverageSpan.ALL_SYMBOLS);
        }
        try {
            List<String> parsed = Symbols.parseList(symbols);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("give at least one ticker, e.g. SPY,AAPL");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--symbols: " + e.getMessage());
        }
    }

    /** Where the bars come from, for the command's first line; {@code speed}: with the simulator's speed. */
    static String describe(MarketConnection connection, FeedSettings settings, boolean speed) {
        if (connection.simulator() != null) {
            return "the simulated market (" + connection.simulator().url() + (speed ? ", speed "
                    + connection.simulator().clock().speed() + "x" : "") + ")";
        }
        return connection.provider().id() + " (" + Secrets.redact(settings.streamUrl().toString(), settings.key())
                + ")";
    }
}
