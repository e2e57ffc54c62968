package dev.tapewatch.provider.simulator;

import dev.tapewatch.feed.AlpacaProtocol;
import dev.tapewatch.feed.AlpacaRest;
import dev.tapewatch.feed.PolygonProtocol;
import dev.tapewatch.feed.PolygonRest;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.feed.StreamFeed;
import dev.tapewatch.feed.StreamProtocol;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.FeedFlags;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.provider.ProviderHistory;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.Wiring;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.sim.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * The built-in simulated market, started on 127.0.0.1 for the session and reached through a real loopback
 * websocket like a real provider: as Polygon's aggregates, or as Alpaca's trades (made into seconds like Alpaca's).
 */
public final class Simulator implements MarketProvider {
    public static final Simulator POLYGON = new Simulator("simulator", "Simulated market", ServerSettings.Protocol.POLYGON);
    public static final Simulator ALPACA = new Simulator("simulator-alpaca", "Simulated market (Alpaca protocol)",
            ServerSettings.Protocol.ALPACA);
    public static final String SPEED = "simulator.speed";
    public static final String SEED = "simulator.seed";
    public static final String START = "simulator.start";
    /** The key the in-process simulator is given; it accepts any non-blank key. */
    private static final String KEY = "simulator";

    private final String id;
    private final String label;
    private final ServerSettings.Protocol protocol;

    private Simulator(String id, String label, ServerSettings.Protocol protocol) {
        this.id = id;
        this.label = label;
        this.protocol = protocol;
    }

    /** Settings that start {@code simulation} with the defaults of a first run. */
    public FeedSettings settings(SimulatorSettings simulation) {
        return new FeedSettings(this, null, null, 30_000, null, true, new MarketToSimulate(simulation));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public FeedSettings settings(SettingsInput input) {
        FeedFlags flags = input.flags();
        SimulatorSettings simulation = SimulatorSettings.builder()
                .speed(flags.speed() != null ? flags.speed() : input.number(SPEED, 1))
                .seed(flags.seed() != null ? flags.seed() : (long) input.number(SEED, 1))
                .start(flags.start() != null ? flags.start() : input.entry(START)
                        .map(text -> ExchangeTime.toEpochMillis(LocalDateTime.parse(text))).orElse(null))
                .build();
        return new FeedSettings(this, null, null, input.stalenessMillis(), input.restUrl(), input.backfill(),
                new MarketToSimulate(simulation));
    }

    /** Starts the simulated market first; the settings' URL and key are not used. */
    @Override
    public MarketConnection connect(FeedSettings settings, Wiring wiring) {
        MarketServer server;
        try {
            server = start(settings, wiring.threads());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the simulated market on 127.0.0.1: " + e.getMessage(), e);
        }
        StreamFeed.Config config = settings.feedConfig(server.url()).withMarketClock(server.clock()::now);
        URI restUrl = settings.restUrl() != null ? settings.restUrl() : server.restUrl();
        StreamProtocol stream = protocol == ServerSettings.Protocol.ALPACA ? new AlpacaProtocol(KEY, KEY, "iex")
                : new PolygonProtocol(KEY);
        return new MarketConnection(this, server, new StreamFeed(config, stream, wiring.listener(), wiring.threads()),
                rest(restUrl), server.clock()::now);
    }

    /** The REST URL given, else a simulated market started for the purpose. */
    @Override
    public ProviderHistory history(FeedSettings settings, Function<String, ThreadFactory> threads) throws IOException {
        if (settings.restUrl() != null) {
            return new ProviderHistory(rest(settings.restUrl()), null);
        }
        MarketServer server = start(settings, threads);
        return new ProviderHistory(rest(server.restUrl()), server);
    }

    @Override
    public Optional<FeedSettings> withSimulatedMarket(FeedSettings settings, int symbols) {
        SimulatorSettings simulation = settings.own(MarketToSimulate.class).simulation();
        return Optional.of(simulation.market() != 0 ? settings
                : settings.withOwn(new MarketToSimulate(simulation.wholeMarket(symbols))));
    }

    @Override
    public Optional<FeedSettings> withMarketAt(FeedSettings settings, long marketMillis) {
        SimulatorSettings simulation = settings.own(MarketToSimulate.class).simulation();
        return Optional.of(settings.withOwn(new MarketToSimulate(simulation.toBuilder().start(marketMillis).build())));
    }

    private MarketServer start(FeedSettings settings, Function<String, ThreadFactory> threads) throws IOException {
        return MarketServer.simulate(ServerSettings.of(protocol), settings.own(MarketToSimulate.class).simulation(),
                threads);
    }

    private SecondHistory rest(URI base) {
        return protocol == ServerSettings.Protocol.ALPACA ? new AlpacaRest(base, KEY, KEY, "iex")
                : new PolygonRest(base, KEY);
    }
}
