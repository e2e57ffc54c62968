package dev.tapewatch.cli;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.Relay;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.Backfill;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.HeadlessAlerts;
import dev.tapewatch.app.Pipeline;
import dev.tapewatch.app.SessionConfig;
import dev.tapewatch.app.StopSignals;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.feed.Secrets;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.H2Files;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.store.WriterStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Streams live second bars of the symbols into the database until stopped (Ctrl-C or SIGTERM:"
                + " everything received is stored first, then it exits 0), or for --duration. With no API key it"
                + " records the built-in simulated market.",
                "Gaps (the day so far at start, and what a disconnect missed) are filled from the provider's REST"
                + " history unless --no-backfill is given."},
        modelTransformer = RecordCommand.RecordingWords.class)
final class RecordCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    ProviderOptions source;

    @Mixin
    AlertOptions alertOptions;

    @Option(names = "--no-backfill", description = "Do not fill gaps from the provider's REST history.")
    boolean noBackfill;

    @Option(names = "--serve", paramLabel = "PORT", description = "Share the live stream with local Polygon clients on"
            + " 127.0.0.1:PORT (0: a free port), every bar as it arrives, REST from the database; one upstream"
            + " connection for all of them.")
    Integer serve;

    @Option(names = "--serve-key", paramLabel = "KEY", description = "The key local clients must present (default: a"
            + " random one kept in the settings file, owner-only, printed at start).")
    String serveKey;

    @Option(names = "--status-every", converter = DurationConverter.class, defaultValue = "5s",
            description = "How often to print a status line (default 5s).")
    Duration statusEvery;

    private volatile boolean streamed;

    @Override
    public Integer call() throws Exception {
        List<String> subscription = source.subscription(spec);
        AppPaths paths = AppPaths.system();
        AppConfig config = AppConfig.load(paths.configFile());
        FeedSettings settings = feedSettings(config);
        StoreLocation location = db.database != null || db.simulated
                ? db.location(false) : SessionConfig.store(config, paths, settings.provider());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (BarStore store = BarStore.open(location, BarStore.Mode.CREATE);
             StopSignals signals = StopSignals.install(stop::countDown, () -> {
                 System.err.println("tapewatch: stopping at once; bars not yet stored are lost");
                 Runtime.getRuntime().halt(ExitCodes.FAILURE);
             })) {
            Relay relay = serve == null ? null : startRelay(store, config);
            FeedListener states = new FeedListener() {
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
            };
            HeadlessAlerts alerts = alertOptions.open(config, store, System.getenv(), relay != null);
            FeedListener[] listeners = Stream.of(states, relay, alerts).filter(Objects::nonNull)
                    .toArray(FeedListener[]::new);
            Pipeline pipeline = Pipeline.open(store, settings, DetectorConfig.read(config), listeners);
            if (relay != null) {
                pipeline.spikes().onSpike(relay::spike);
                alerts.onAlert(relay::alert);
            }
            if (alerts != null) {
                alerts.watch(pipeline);
            }
            try {
                out.println("Recording " + (source.all ? "every symbol" : String.join(",", subscription)) + " from "
                        + ProviderOptions.describe(pipeline.connection(), settings, true) + " into " + store.location().describe()
                        + (pipeline.backfill() == null ? " (no backfill)"
                                : "; gaps filled from " + Secrets.redact(
                                        pipeline.connection().rest().base().toString(), settings.key())
                                        + (restBesideStream(settings) ? " (the stream's host, not the provider's"
                                        + " REST; --rest-url to choose another)" : "")));
                if (relay != null) {
                    out.println("Sharing the stream on " + relay.server().url() + "/stocks (REST "
                            + relay.server().restUrl() + "/v2/aggs/...) for local clients with key "
                            + (serveKey != null ? "from --serve-key" : relay.server().settings().requiredKey()
                            + " (kept in " + config.file() + ")"));
                }
                if (alerts != null && !alerts.delivery().describe().isEmpty()) {
                    out.println("Alerts go to " + alerts.delivery().describe());
                }
                out.flush();
                pipeline.start(subscription);
                waitAndReport(pipeline, stop, out);
            } finally {
                pipeline.close();
                if (alerts != null) {
                    alerts.close();
                    var delivery = alerts.delivery();
                    if (!delivery.describe().isEmpty()) {
                        out.println("Alerts: " + delivery.delivered() + " delivered, " + (delivery.failed()
                                + delivery.refused()) + " not (the log says why).");
                    }
                }
                if (relay != null) {
                    relay.close();
                }
            }
            compact(store, pipeline.recorder().writer().stats(), out);
            return finish(pipeline, out);
        }
    }

    /**
     * A stopping recorder leaves its H2 file holding its live data only (the file grows while recording); not
     * after a failed write, whose cause (a full disk, say) the rewrite would meet again.
     */
    private static void compact(BarStore store, WriterStats stored, PrintWriter out) {
        if (!store.location().isH2File() || stored.unstored() > 0 || stored.problem() != null) {
            return;
        }
        H2Files.Use use = store.fileUse();
        if (!use.worthCompacting()) {
            return;
        }
        out.printf(Locale.ROOT, "Compacting %s (%d bars stored): %.1f MB, %.1f MB of it live (a second Ctrl-C stops"
                + " at once and leaves it whole)...%n", store.location().describe(), stored.written(),
                use.fileBytes() / 1e6, use.liveBytes() / 1e6);
        out.flush();
        long started = System.nanoTime();
        long after = store.closeCompacted();
        out.printf(Locale.ROOT, "Compacted to %.1f MB in %.1f s.%n", after / 1e6, (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    private Relay startRelay(BarStore store, AppConfig config) {
        try {
            return Relay.start(store, serve, serveKey != null ? serveKey : Relay.localKey(config));
        } catch (java.io.IOException e) {
            throw new CommandFailure("Cannot share the stream on 127.0.0.1:" + serve + " (" + e.getMessage()
                    + "). Choose another --serve port, or 0 for a free one.", ExitCodes.FAILURE);
        }
    }

    private void waitAndReport(Pipeline pipeline, CountDownLatch stop, PrintWriter out) throws InterruptedException {
        long deadline = source.duration == null ? Long.MAX_VALUE : System.nanoTime() + source.duration.toNanos();
        long nextReport = System.nanoTime() + statusEvery.toNanos();
        long lastBars = 0;
        long lastReport = System.nanoTime();
        while (!stop.await(100, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            if (now >= nextReport) {
                FeedStats stats = pipeline.feed().stats();
                double seconds = (now - lastReport) / 1e9;
                out.println(statusLine(pipeline, stats, (stats.bars() - lastBars) / seconds));
                out.flush();
                lastBars = stats.bars();
                lastReport = now;
                nextReport = now + statusEvery.toNanos();
            }
        }
    }

    private String statusLine(Pipeline pipeline, FeedStats stats, double barsPerSecond) {
        long marketNow = pipeline.connection().marketClock().getAsLong();
        WriterStats stored = pipeline.recorder().writer().stats();
        BarWriter.Problem problem = stored.problem();
        Backfill backfill = pipeline.backfill();
        return String.format("%s ET  %-40s  %8.1f bars/s  received %d  stored %d  waiting %d%s  reconnects %d"
                        + "  %s%s",
                CLOCK.format(ExchangeTime.localDateTime(marketNow)),
                pipeline.feed().status().describe(System.currentTimeMillis()), barsPerSecond, stats.bars(),
                stored.written(), stored.pending(),
                backfill == null ? "" : "  backfilled " + backfill.fetched() + (backfill.idle() ? "" : " (busy)"),
                stats.reconnects(), stats.lag(marketNow),
                problem == null ? "" : "  NOT STORING: " + problem.message());
    }

    private int finish(Pipeline pipeline, PrintWriter out) {
        FeedStatus status = pipeline.feed().status();
        FeedStats stats = pipeline.feed().stats();
        WriterStats stored = pipeline.recorder().writer().stats();
        Backfill backfill = pipeline.backfill();
        out.println("Stored " + stored.written() + " bars (" + stats.bars() + " received"
                + (backfill == null ? "" : ", " + backfill.fetched() + " backfilled") + ", "
                + stats.malformed() + " malformed skipped, " + stats.reconnects() + " reconnects).");
        out.flush();
        if (stored.unstored() > 0) {
            BarWriter.Problem problem = stored.problem();
            throw new CommandFailure(stored.unstored() + " bars could not be stored"
                    + (problem == null ? "" : ": " + problem.message())
                    + ". The bars reported as stored are safe; coverage shows the lost stretch as a gap.",
                    ExitCodes.FAILURE);
        }
        if (status.state() == FeedStatus.State.FAILED) {
            throw new CommandFailure("Feed failed: " + status.detail(), ExitCodes.AUTH_REFUSED);
        }
        if (!streamed) {
            throw new CommandFailure("Never received data from the feed (last state: "
                    + status.describe(System.currentTimeMillis()) + ")", ExitCodes.FEED_UNREACHABLE);
        }
        return ExitCodes.OK;
    }

    /** Whether REST history goes to the stream's own host because no REST URL was given. */
    private boolean restBesideStream(FeedSettings settings) {
        return source.restUrl == null && settings.restUrl() != null
                && settings.restUrl().equals(settings.provider().restBeside(settings.url()));
    }

    private FeedSettings feedSettings(AppConfig config) {
        if (statusEvery.toMillis() < 100) {
            throw new ParameterException(spec.commandLine(), "--status-every must be at least 100ms, was "
                    + statusEvery.toMillis() + "ms");
        }
        if (serve != null && (serve < 0 || serve > 65_535)) {
            throw new ParameterException(spec.commandLine(), "--serve must be a port, 0 (a free one) to 65535, was "
                    + serve);
        }
        if (source.staleness != null && source.staleness.toMillis() < 1_000) {
            throw new ParameterException(spec.commandLine(), "--staleness must be at least 1s (a quiet socket is"
                    + " replaced after that long), was " + source.staleness.toMillis() + "ms");
        }
        return source.feed(spec, config, !noBackfill, "record needs a market to record: the '%s' provider only"
                + " watches what a recorder stores (in the window). Use --provider simulator|polygon|polygon-delayed.");
    }

    /** Three of the shared provider options in {@code record}'s own words: what they mean when recording. */
    static final class RecordingWords implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            reword(spec, "--all", "Record every symbol the provider sends (subscribes A.*).");
            reword(spec, "--rest-url", "REST base URL for backfill (default: the provider's, or the stream's own host"
                    + " when --url is not the provider's; the simulator's own for the simulator).");
            reword(spec, "--speed", "Simulator only: simulated seconds per second, 0 (as fast as possible) to 10000"
                    + " (default 1).");
            return spec;
        }

        private static void reword(CommandSpec spec, String name, String description) {
            OptionSpec option = spec.findOption(name);
            spec.remove(option);
            spec.addOption(OptionSpec.builder(option).description(description).build());
        }
    }
}
