package dev.tapewatch.cli;

import dev.tapewatch.app.StopSignals;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.serve.StoredDaySource;
import dev.tapewatch.sim.SimClock;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Serves a stored day as if it were live, on 127.0.0.1, as a Polygon-compatible websocket"
                + " (/stocks) and REST aggregates server: every stored bar once, in time order, at --speed. Point the"
                + " window or record at it (--url ws://127.0.0.1:PORT). Any non-blank API key is accepted unless"
                + " --key is given.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The stored day (America/New_York).")
    LocalDate date;

    @Option(names = "--symbols", paramLabel = "SYM,SYM", description = "What to replay (default: every symbol stored that day).")
    String symbols;

    @Option(names = "--from", paramLabel = "HH:MM[:SS]", description = "Begin at this time of the day (default: its first bar).")
    LocalTime from;

    @Option(names = "--speed", defaultValue = "1",
            description = "Market seconds per real second, 0 to 10,000; 0 serves as fast as the clients read (default 1).")
    double speed;

    @Mixin
    ServeOptions serve;

    @Override
    public Integer call() throws Exception {
        SpeedOption.check(spec, speed);
        List<String> chosen = symbols == null ? List.of() : parseSymbols();
        Long begin = from == null ? null : ExchangeTime.toEpochMillis(date, from);
        StoredDaySource replay;
        try (BarStore store = db.openExisting()) {
            replay = new StoredDaySource(store, date, chosen, begin);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), ExitCodes.FAILURE);
        }
        CountDownLatch stop = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        try (MarketServer server = MarketServer.start(new ServerSettings(serve.port, serve.key,
                        ServerSettings.Protocol.POLYGON), replay, new SimClock(replay.first(), speed), Threads::named);
             StopSignals signals = StopSignals.install(stop::countDown, () -> Runtime.getRuntime().halt(1))) {
            out.printf(Locale.ROOT, "Replaying %s: %s, %,d bars from %s at %sx on %s/stocks (REST %s/v2/aggs/...)."
                            + " Stop with Ctrl-C.%n", date, String.join(",", replay.symbols()), replay.bars(),
                    DayOptions.clock(replay.first()), speed == 0 ? "full speed " : trimmed(speed), server.url(),
                    server.restUrl());
            out.flush();
            long started = System.nanoTime();
            boolean told = false;
            while (!stop.await(200, TimeUnit.MILLISECONDS) && !serve.over(started)) {
                if (server.ended() && !told) {
                    out.println("Replay reached the day's last bar; REST still serves the day. Stop with Ctrl-C.");
                    out.flush();
                    told = true;
                }
            }
        }
        return ExitCodes.OK;
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private List<String> parseSymbols() {
        try {
            return Symbols.parseList(symbols);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--symbols: " + e.getMessage());
        }
    }
}
