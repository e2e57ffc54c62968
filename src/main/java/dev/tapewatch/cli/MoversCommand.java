package dev.tapewatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.HeadlessAlerts;
import dev.tapewatch.app.MoversSession;
import dev.tapewatch.app.StopSignals;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Prices;
import dev.tapewatch.movers.Mover;
import dev.tapewatch.movers.MoversEngine;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "movers", mixinStandardHelpOptions = true,
        description = {"Watches the symbols (or with --all the whole market) for movers, as the window's Movers pane"
                + " does, and prints each mover as it enters the list: a line for people, or with --json one JSON"
                + " object per line. Stores nothing unless --db is given (then bars and spikes are recorded as"
                + " record does, without backfill). Runs until Ctrl-C / SIGTERM or --duration."})
final class MoversCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ProviderOptions source;

    @Mixin
    MoverFilterOptions filters;

    @Mixin
    AlertOptions alertOptions;

    @Option(names = "--db", paramLabel = "PATH|URL", description = "Record what arrives into this database (an H2"
            + " file or a PostgreSQL URL, as for record); without it nothing is stored.")
    String database;

    @Option(names = "--market", paramLabel = "N", description = "Simulator only: a whole market of N symbols"
            + " (as simulate --market), the demo without a key: movers --all --market 3000.")
    Integer market;

    @Option(names = "--json", description = "One JSON object per line: symbol, kind, score, start_ms, price,"
            + " change_pct, detected_at_ms and the rest of the row.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<String> subscription = source.subscription(spec);
        AppConfig config = AppConfig.load(AppPaths.system().configFile());
        FeedSettings feed = wholeMarket(source.feed(spec, config, false));
        DetectorSettings detector = DetectorConfig.read(config);
        MoversEngine engine = new MoversEngine(detector, filters.filter(spec));
        BlockingQueue<Mover> entered = new LinkedBlockingQueue<>();
        engine.onEntered(entered::add);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = json ? spec.commandLine().getErr() : out;
        CountDownLatch stop = new CountDownLatch(1);
        FeedListener failures = new FeedListener() {
            @Override
            public void bars(List<Bar> bars) {
            }

            @Override
            public void status(FeedStatus status) {
                if (status.state() == FeedStatus.State.FAILED) {
                    stop.countDown();
                }
            }
        };
        try (BarStore store = database == null ? null
                : BarStore.open(dev.tapewatch.store.StoreLocation.parse(database), BarStore.Mode.CREATE);
             StopSignals signals = StopSignals.install(stop::countDown, () -> Runtime.getRuntime().halt(1))) {
            HeadlessAlerts alerts = alertOptions.open(config, store, System.getenv(), false);
            MoversSession session = alerts == null ? MoversSession.open(feed, detector, engine, store, failures)
                    : MoversSession.open(feed, detector, engine, store, failures, alerts);
            if (alerts != null) {
                alerts.watch(engine);
            }
            int printed = 0;
            try {
                info.println("Watching " + (source.all ? "every symbol" : String.join(",", subscription)) + " from "
                        + ProviderOptions.describe(session.connection(), feed, false) + (store == null ? "; storing nothing"
                                : "; recording into " + store.location().describe()));
                if (alerts != null && !alerts.delivery().describe().isEmpty()) {
                    info.println("Alerts go to " + alerts.delivery().describe());
                }
                info.flush();
                session.start(subscription);
                long deadline = source.duration == null ? Long.MAX_VALUE
                        : System.nanoTime() + source.duration.toNanos();
                while (stop.getCount() > 0 && System.nanoTime() < deadline) {
                    Mover mover = entered.poll(50, TimeUnit.MILLISECONDS);
                    if (mover != null) {
                        print(out, mover);
                        printed++;
                    }
                }
            } finally {
                session.close();
                if (alerts != null) {
                    alerts.close();
                    var delivery = alerts.delivery();
                    if (!delivery.describe().isEmpty()) {
                        info.println("Alerts: " + delivery.delivered() + " delivered, " + (delivery.failed()
                                + delivery.refused()) + " not (the log says why).");
                    }
                }
            }
            for (Mover mover = entered.poll(); mover != null; mover = entered.poll()) {
                print(out, mover);
                printed++;
            }
            FeedStatus status = session.feed().status();
            info.println(printed + " movers among " + engine.symbols() + " symbols received.");
            info.flush();
            if (status.state() == FeedStatus.State.FAILED) {
                throw new CommandFailure("Feed failed: " + status.detail(), ExitCodes.AUTH_REFUSED);
            }
        }
        return ExitCodes.OK;
    }

    private FeedSettings wholeMarket(FeedSettings feed) {
        if (market == null) {
            return feed;
        }
        Optional<FeedSettings> simulated = market < 1 || market > 100_000 ? Optional.empty()
                : feed.provider().withSimulatedMarket(feed, market);
        return simulated.orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--market N (1 to 100000) is for the simulator; with another provider --all brings its whole market"));
    }

    private void print(PrintWriter out, Mover mover) throws JsonProcessingException {
        long detectedAt = System.currentTimeMillis();
        out.println(json ? JSON.writeValueAsString(fields(mover, detectedAt)) : line(mover));
        out.flush();
    }

    /** A mover as JSON fields; a figure not known (NaN) is null. */
    static Map<String, Object> fields(Mover mover, long detectedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("symbol", mover.symbol());
        fields.put("kind", mover.kind());
        fields.put("score", number(mover.score()));
        fields.put("start_ms", mover.startMs());
        fields.put("price", number(mover.price()));
        fields.put("change_pct", number(mover.changePct()));
        fields.put("detected_at_ms", detectedAt);
        fields.put("entered_market_ms", mover.enteredMarketMs());
        fields.put("volume_multiple", number(mover.volumeMultiple()));
        fields.put("change_10s_pct", number(mover.change10sPct()));
        fields.put("change_1m_pct", number(mover.change1mPct()));
        fields.put("change_5m_pct", number(mover.change5mPct()));
        fields.put("change_prev_close_pct", number(mover.changeSincePreviousClosePct()));
        fields.put("relative_volume", number(mover.relativeVolume()));
        fields.put("volume_today", number(mover.volumeToday()));
        return fields;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String line(Mover mover) {
        return String.format(Locale.ROOT, "%s ET  %-6s %-11s score %6.1f  %10s  %s over the move  10s %s  1m %s"
                        + "  5m %s  %.1fx volume  rel vol %s  volume today %,.0f",
                CLOCK.format(ExchangeTime.localDateTime(mover.startMs())), mover.symbol(), mover.kind(), mover.score(),
                Prices.text(mover.price()), pct(mover.changePct()), pct(mover.change10sPct()),
                pct(mover.change1mPct()), pct(mover.change5mPct()), mover.volumeMultiple(),
                Double.isFinite(mover.relativeVolume()) ? String.format(Locale.ROOT, "%.1fx", mover.relativeVolume())
                        : "-", mover.volumeToday());
    }

    private static String pct(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.2f%%", value) : "-";
    }
}
