package dev.tapewatch.cli;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.BarBus;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.LiveSpikes;
import dev.tapewatch.app.FeedSettings;
import dev.tapewatch.app.MarketConnection;
import dev.tapewatch.app.Provider;
import dev.tapewatch.app.Recorder;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.sim.SimulatorServer;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Streams live second bars of the symbols into the database until stopped (Ctrl-C), or for"
                + " --duration. With no API key it records the built-in simulated market.")
final class RecordCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--symbols", required = true, paramLabel = "SYM,SYM", description = "Tickers, e.g. SPY,AAPL.")
    String symbols;

    @Option(names = "--provider", paramLabel = "simulator|polygon|polygon-delayed",
            description = "Default: the settings file's, else polygon when a key is configured, else simulator.")
    String provider;

    @Option(names = "--url", description = "Websocket base URL, e.g. ws://127.0.0.1:8765 (default: the provider's).")
    URI url;

    @Option(names = "--key", description = "Polygon API key (prefer the POLYGON_API_KEY environment variable).")
    String key;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (e.g. 30s).")
    Duration duration;

    @Option(names = "--staleness", converter = DurationConverter.class, defaultValue = "30s",
            description = "Reconnect when no data arrives for this long (default 30s).")
    Duration staleness;

    @Option(names = "--status-every", converter = DurationConverter.class, defaultValue = "5s",
            description = "How often to print a status line (default 5s).")
    Duration statusEvery;

    @Option(names = "--speed", defaultValue = "1", description = "Simulator only: simulated seconds per second.")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator only: seed of the market.")
    long seed;

    @Option(names = "--start", converter = MarketTimeConverter.class, paramLabel = "YYYY-MM-DDTHH:MM",
            description = "Simulator only: simulated start, America/New_York.")
    Long start;

    private volatile boolean streamed;

    @Override
    public Integer call() throws Exception {
        List<String> watched = parseSymbols();
        AppPaths paths = AppPaths.system();
        AppConfig config = AppConfig.load(paths.configFile());
        FeedSettings settings = feedSettings(config);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(finished, 30);
        }, "record-stop");
        try (BarStore store = db.openOrCreate(settings.provider() == Provider.SIMULATOR)) {
            BarBus bus = new BarBus();
            bus.add(new FeedListener() {
                @Override
                public void bars(List<Bar> bars) {
                }

                @Override
                public void status(FeedStatus status) {
                    if (status.state() == FeedStatus.State.STREAMING) {
                        streamed = true;
                    } else if (status.state() == FeedStatus.State.FAILED) {
                        stop.countDown();
                    }
                }
            });
            MarketConnection connection = MarketConnection.open(settings, bus);
            Recorder recorder = new Recorder(store, connection.marketClock());
            LiveSpikes spikes = new LiveSpikes(store, DetectorConfig.read(config));
            bus.add(recorder);
            bus.add(spikes);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                out.println("Recording " + String.join(",", watched) + " from " + describe(connection) + " into "
                        + store.location().describe());
                out.flush();
                connection.feed().subscribe(watched);
                connection.feed().start();
                waitAndReport(connection, recorder, stop, out);
            } finally {
                connection.close();
                spikes.finish();
                recorder.close();
            }
            return finish(connection, recorder, out);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook itself is running; it is waiting for us
            }
        }
    }

    private void waitAndReport(MarketConnection connection, Recorder recorder, CountDownLatch stop, PrintWriter out)
            throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long nextReport = System.nanoTime() + statusEvery.toNanos();
        long lastBars = 0;
        long lastReport = System.nanoTime();
        while (!stop.await(100, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            if (now >= nextReport) {
                FeedStats stats = connection.feed().stats();
                double seconds = (now - lastReport) / 1e9;
                out.println(statusLine(connection, recorder, stats, (stats.bars() - lastBars) / seconds));
                out.flush();
                lastBars = stats.bars();
                lastReport = now;
                nextReport = now + statusEvery.toNanos();
            }
        }
    }

    private String statusLine(MarketConnection connection, Recorder recorder, FeedStats stats, double barsPerSecond) {
        long marketNow = connection.marketClock().getAsLong();
        return String.format("%s ET  %-40s  %8.1f bars/s  stored %d  reconnects %d  lag %.1f s",
                CLOCK.format(ExchangeTime.localDateTime(marketNow)),
                connection.feed().status().describe(System.currentTimeMillis()), barsPerSecond,
                recorder.writer().written(), stats.reconnects(), stats.lagMillis() / 1000.0);
    }

    private int finish(MarketConnection connection, Recorder recorder, PrintWriter out) {
        FeedStatus status = connection.feed().status();
        FeedStats stats = connection.feed().stats();
        out.println("Stored " + recorder.writer().written() + " bars (" + stats.bars() + " received, "
                + stats.malformed() + " malformed skipped, " + stats.reconnects() + " reconnects).");
        out.flush();
        if (recorder.writer().abandoned() > 0) {
            throw new CommandFailure(recorder.writer().abandoned() + " bars could not be written to the database;"
                    + " see the log above", ExitCodes.FAILURE);
        }
        if (status.state() == FeedStatus.State.FAILED) {
            throw new CommandFailure("Feed failed: " + status.detail(), ExitCodes.AUTH_REFUSED);
        }
        if (!streamed) {
            throw new CommandFailure("Never received data from " + describe(connection) + " (last state: "
                    + status.describe(System.currentTimeMillis()) + ")", ExitCodes.FEED_UNREACHABLE);
        }
        return ExitCodes.OK;
    }

    private String describe(MarketConnection connection) {
        if (connection.simulator() != null) {
            return "the simulated market (" + connection.simulator().url() + ", speed "
                    + connection.simulator().settings().speed() + "x)";
        }
        return connection.provider() + " (" + (url != null ? url : connection.provider().defaultUrl()) + ")";
    }

    private FeedSettings feedSettings(AppConfig config) {
        String key = config.polygonKey(this.key, System.getenv()).orElse(null);
        Provider chosen;
        try {
            chosen = provider != null ? Provider.parse(provider)
                    : config.get(AppConfig.PROVIDER).map(Provider::parse)
                            .orElse(key != null ? Provider.POLYGON : Provider.SIMULATOR);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--provider: " + e.getMessage());
        }
        if (chosen == Provider.SIMULATOR) {
            if (speed < 0) {
                throw new ParameterException(spec.commandLine(), "--speed must be >= 0, was " + speed);
            }
            return new FeedSettings(chosen, null, null, staleness.toMillis(), SimulatorServer.Settings.defaults()
                    .withSpeed(speed).withSeed(seed).withStart(start));
        }
        if (key == null) {
            throw new ParameterException(spec.commandLine(), "No Polygon API key: pass --key, set "
                    + AppConfig.ENV_POLYGON_KEY + ", or add " + AppConfig.POLYGON_KEY + " to "
                    + config.file() + ". Without a key, use --provider simulator.");
        }
        return new FeedSettings(chosen, url, key, staleness.toMillis(), null);
    }

    private List<String> parseSymbols() {
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

    private static void awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
