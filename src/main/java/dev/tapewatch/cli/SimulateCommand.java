package dev.tapewatch.cli;

import dev.tapewatch.app.StopSignals;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.serve.SimulatedSource;
import dev.tapewatch.sim.SimSymbol;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.sim.WholeMarket;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serves the simulated market on 127.0.0.1 as a Polygon-compatible websocket (/stocks) and REST"
                + " aggregates server, or with --protocol alpaca as an Alpaca-compatible one (trades at /v2/{feed},"
                + " REST trades), until stopped. Any non-blank key is accepted unless --key is given.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--speed", defaultValue = "1", description = "Simulated seconds per real second (default 1).")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the market (default 1).")
    long seed;

    @Option(names = "--symbols", paramLabel = "SYM,SYM", description = "What A.* streams (default: 32 well-known tickers).")
    String symbols;

    @Option(names = "--market", paramLabel = "N",
            description = "Serve a whole market of N symbols instead (1 to 100000): the well-known tickers, then a"
                    + " long tail of thinner made-up ones, with injected bursts and block prints; deterministic by"
                    + " seed. Not with --symbols.")
    Integer market;

    @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM", converter = MarketTimeConverter.class,
            description = "Simulated start, America/New_York (default: now if the market is open, else 09:30 of the"
                    + " latest weekday).")
    Long start;

    @picocli.CommandLine.Mixin
    ServeOptions serve;

    @Option(names = "--protocol", defaultValue = "polygon", paramLabel = "polygon|alpaca",
            description = "Polygon's per-second aggregates (default), or Alpaca's trades: the same market either way.")
    ServerSettings.Protocol protocol;

    @Override
    public Integer call() throws Exception {
        SpeedOption.check(spec, speed);
        WholeMarket whole = market == null ? null : wholeMarket();
        List<String> streamed = whole != null ? whole.symbols() : symbols == null ? SimSymbol.DEFAULTS : parseSymbols();
        ServerSettings settings = new ServerSettings(serve.port, serve.key, protocol);
        SimulatorSettings simulation = SimulatorSettings.builder().speed(speed).seed(seed).start(start)
                .symbols(streamed).build();
        CountDownLatch stop = new CountDownLatch(1);
        try (MarketServer server = whole != null
                ? MarketServer.start(settings, SimulatedSource.of(whole, seed), simulation.clock(), Threads::named)
                : MarketServer.simulate(settings, simulation, Threads::named);
             StopSignals signals = StopSignals.install(stop::countDown, () -> Runtime.getRuntime().halt(1))) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(protocol == ServerSettings.Protocol.ALPACA
                    ? "Simulated market (Alpaca protocol) at " + server.url() + "/v2/iex (any feed; REST "
                            + server.restUrl() + "/v2/stocks/SYMBOL/trades)"
                    : "Simulated market at " + server.url() + "/stocks (REST " + server.restUrl() + "/v2/aggs/...)");
            if (whole != null) {
                out.println("A whole market of " + whole.symbols().size() + " symbols (A.* streams them all).");
            }
            out.println("Starts at " + ExchangeTime.localDateTime(server.clock().start()) + " America/New_York, speed "
                    + speed + "x, seed " + seed + ". Stop with Ctrl-C.");
            out.flush();
            if (serve.duration == null) {
                stop.await();
            } else {
                stop.await(serve.duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return ExitCodes.OK;
    }

    private WholeMarket wholeMarket() {
        if (symbols != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--market serves its own symbols: give --market or --symbols, not both");
        }
        try {
            return WholeMarket.of(market, seed);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--market: " + e.getMessage());
        }
    }

    private List<String> parseSymbols() {
        try {
            List<String> parsed = Symbols.parseList(symbols);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("give at least one ticker, e.g. SPY,AAPL (or leave --symbols out"
                        + " for the default 32)");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--symbols: " + e.getMessage());
        }
    }
}
