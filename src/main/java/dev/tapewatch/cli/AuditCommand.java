package dev.tapewatch.cli;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.Audit;
import dev.tapewatch.app.Providers;
import dev.tapewatch.app.Threads;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.feed.RestException;
import dev.tapewatch.market.Bar;
import dev.tapewatch.provider.FeedFlags;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.ProviderHistory;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Checks a recorded day against the provider's own second bars: per symbol, the seconds that"
                + " are equal, missing here (drops), missing there, and revised (late trades). With --offline, checks"
                + " the stream's accumulated volume instead (a jump larger than the bar's volume is a drop).",
                "Exit 0 when the day matches (after --fix), 5 when differences remain."})
final class AuditCommand implements Callable<Integer> {
    private static final int SHOWN_RANGES = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    DayOptions day;

    @picocli.CommandLine.Mixin
    AlpacaOptions alpaca;

    @Option(names = "--provider", paramLabel = "simulator|polygon|polygon-delayed|alpaca",
            description = "Default: the settings file's, else polygon when a key is configured, else simulator.")
    String provider;

    @Option(names = "--rest-url", paramLabel = "URL", description = "REST base URL (default: the provider's).")
    URI restUrl;

    @Option(names = "--key", description = "Polygon API key (prefer the POLYGON_API_KEY environment variable).")
    String key;

    @Option(names = "--fix", description = "Store the provider's version of every missing or revised second.")
    boolean fix;

    @Option(names = "--offline", description = "Do not ask the provider; check accumulated-volume continuity only.")
    boolean offline;

    @Override
    public Integer call() throws Exception {
        if (offline && fix) {
            throw new ParameterException(spec.commandLine(), "--fix needs the provider; drop --offline");
        }
        FeedSettings settings = offline ? null : feedSettings();
        PrintWriter out = spec.commandLine().getOut();
        long from = day.from();
        long to = day.to();
        try (BarStore store = db.openExisting()) {
            List<String> symbols = day.symbols(store);
            if (symbols.isEmpty()) {
                throw new CommandFailure("Nothing stored on " + day.date + " in " + store.location().describe()
                        + "; see tapewatch days.", ExitCodes.FAILURE);
            }
            if (offline) {
                return offline(out, store, symbols, from, to);
            }
            try (ProviderHistory rest = settings.provider().history(settings, Threads::named)) {
                return online(out, store, rest.client(), symbols, from, to);
            }
        }
    }

    private int offline(PrintWriter out, BarStore store, List<String> symbols, long from, long to) {
        List<Audit.Report> reports = new ArrayList<>();
        for (String each : symbols) {
            Audit.Report report = Audit.continuity(each, store.bars(each, from, to));
            StringBuilder line = new StringBuilder(String.format("%-8s  %,9d bars checked  volume jumps %d",
                    each, report.equal(), report.jumps().size()));
            for (int i = 0; i < Math.min(SHOWN_RANGES, report.jumps().size()); i++) {
                Audit.VolumeJump jump = report.jumps().get(i);
                line.append(String.format("%n          %s–%s: %,.0f shares in no stored bar", DayOptions.clock(jump.after()),
                        DayOptions.clock(jump.at()), jump.missingVolume()));
            }
            out.println(line);
            reports.add(report);
        }
        Audit.Totals totals = Audit.Totals.of(reports);
        return summarize(out, totals, totals, "accumulated volume");
    }

    private int online(PrintWriter out, BarStore store, SecondHistory rest, List<String> symbols, long from, long to)
            throws RestException {
        List<Audit.Report> found = new ArrayList<>();
        List<Audit.Report> remaining = new ArrayList<>();
        long fixed = 0;
        for (String each : symbols) {
            List<Bar> theirs = rest.secondBars(each, from, to, () -> false);
            Audit.Report report = Audit.compare(each, store.bars(each, from, to), theirs);
            out.println(describe(report));
            found.add(report);
            if (fix && !report.fixes().isEmpty()) {
                store.upsert(report.fixes());
                fixed += report.fixes().size();
                report = Audit.compare(each, store.bars(each, from, to), theirs);
            }
            remaining.add(report);
        }
        if (fix) {
            out.println("Fixed " + fixed + " seconds with the provider's version.");
        }
        return summarize(out, Audit.Totals.of(found), Audit.Totals.of(remaining), "the provider (" + rest.base() + ")");
    }

    /** The totals found, then whether differences remain (after --fix): exit 0 or 5. */
    private static int summarize(PrintWriter out, Audit.Totals found, Audit.Totals remaining, String against) {
        out.println("Totals: " + found.describe() + ".");
        if (remaining.differing() == 0) {
            out.println("All " + remaining.symbols() + " symbols match " + against + ".");
            return ExitCodes.OK;
        }
        out.println(remaining.differing() + " of " + remaining.symbols() + " symbols differ from " + against
                + (remaining.equals(found) ? "" : ": " + remaining.describe()) + " (exit 5).");
        return ExitCodes.DIFFERENCES;
    }

    private static String describe(Audit.Report report) {
        StringBuilder line = new StringBuilder(String.format(
                "%-8s  equal %,d  missing here %,d  missing there %,d  revised %,d", report.symbol(), report.equal(),
                report.missingHere().size(), report.missingThere().size(), report.revised().size()));
        appendRanges(line, "missing here", report.missingHere().stream().map(Bar::start).toList());
        appendRanges(line, "missing there", report.missingThere().stream().map(Bar::start).toList());
        appendRanges(line, "revised", report.revised().stream().map(r -> r.ours().start()).toList());
        return line.toString();
    }

    /** Seconds as runs, "09:31:05–09:31:14 (10 s)", the first few of them. */
    private static void appendRanges(StringBuilder line, String what, List<Long> starts) {
        if (starts.isEmpty()) {
            return;
        }
        List<long[]> runs = new ArrayList<>();
        for (long start : starts) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && start == last[1] + 1000) {
                last[1] = start;
            } else {
                runs.add(new long[] {start, start});
            }
        }
        line.append(String.format("%n          %s:", what));
        for (int i = 0; i < Math.min(SHOWN_RANGES, runs.size()); i++) {
            long[] run = runs.get(i);
            line.append(' ').append(DayOptions.clock(run[0]));
            if (run[1] > run[0]) {
                line.append('–').append(DayOptions.clock(run[1])).append(" (").append((run[1] - run[0]) / 1000 + 1).append(" s)");
            }
            line.append(i + 1 < runs.size() ? "," : "");
        }
        if (runs.size() > SHOWN_RANGES) {
            line.append(" … and ").append(runs.size() - SHOWN_RANGES).append(" more");
        }
    }

    /** The provider's settings, checked before anything is opened. */
    private FeedSettings feedSettings() throws java.io.IOException {
        AppConfig config = AppConfig.load(AppPaths.system().configFile());
        try {
            return Providers.feed(config, System.getenv(), new FeedFlags(provider, null, restUrl,
                    key, null, null, null, null, true, alpaca.secret, alpaca.feed));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
