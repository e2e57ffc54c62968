package dev.tapewatch.app;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.sim.SimulatorServer;
import dev.tapewatch.store.StoreLocation;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Turns the settings file into what a live session needs; missing settings take first-run defaults. */
public final class SessionConfig {
    public static final List<String> FIRST_RUN_WATCHLIST = List.of("SPY", "AAPL", "MSFT", "NVDA", "TSLA");
    public static final String WATCHLIST = "watchlist";
    public static final String SIM_SPEED = "simulator.speed";
    public static final String SIM_SEED = "simulator.seed";
    public static final String SIM_START = "simulator.start";
    public static final String STALENESS = "staleness.seconds";

    private SessionConfig() {
    }

    public static LiveSession.Settings read(AppConfig config, AppPaths paths, Map<String, String> environment) {
        String key = config.polygonKey(null, environment).orElse(null);
        Provider provider = config.get(AppConfig.PROVIDER).map(Provider::parse)
                .orElse(key != null ? Provider.POLYGON : Provider.SIMULATOR);
        long staleness = (long) (Double.parseDouble(config.get(STALENESS).orElse("30")) * 1000);
        FeedSettings feed;
        if (provider == Provider.SIMULATOR) {
            SimulatorServer.Settings simulation = SimulatorServer.Settings.defaults()
                    .withSpeed(Double.parseDouble(config.get(SIM_SPEED).orElse("1")))
                    .withSeed(Long.parseLong(config.get(SIM_SEED).orElse("1")))
                    .withStart(config.get(SIM_START).map(text -> ExchangeTime.toEpochMillis(LocalDateTime.parse(text)))
                            .orElse(null));
            feed = new FeedSettings(provider, null, null, staleness, simulation);
        } else {
            feed = new FeedSettings(provider, config.get(AppConfig.URL).map(URI::create).orElse(null), key, staleness,
                    null);
        }
        StoreLocation store = config.get(AppConfig.DATABASE).map(StoreLocation::parse)
                .orElse(StoreLocation.ofFile(provider == Provider.SIMULATOR ? paths.simulatorDatabase()
                        : paths.defaultDatabase()));
        List<String> watchlist = config.get(WATCHLIST).map(Symbols::parseList).orElse(FIRST_RUN_WATCHLIST);
        return new LiveSession.Settings(feed, store, DetectorConfig.read(config), watchlist);
    }
}
