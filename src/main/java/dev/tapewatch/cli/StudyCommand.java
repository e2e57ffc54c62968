package dev.tapewatch.cli;

import dev.tapewatch.market.Symbols;
import dev.tapewatch.study.SpikePath;
import dev.tapewatch.study.SpikeStudy;
import dev.tapewatch.study.StudyCsv;
import dev.tapewatch.study.StudySummary;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"For every stored spike of the days, the price path after it, summarised by kind and score band.",
                "Definitions: the reference is the close of the last bar before the spike's first second; the end is"
                        + " the spike's last second (it starts 1 s before end_ms, which is exclusive as a bar's end_ms"
                        + " is); the close at a horizon h is the close of the last bar that starts at or before"
                        + " end + h (none past the day's last stored bar); ret_h_pct = 100 × (close at h / reference"
                        + " − 1); move_pct is that at the end itself; gave_back_h_pct = 100 × (move − ret_h) / move.",
                "At 5 min a spike continued when it moved further the same way (sign(move) × ret_5m > |move|),"
                        + " reversed when it gave back more than half (gave_back_5m_pct > 50), else held. Rates are"
                        + " over the spikes whose 5-min outcome is known, with Wilson 95 %% score intervals; the"
                        + " median path is the median of ret_h / move (1 = held, 0 = back to the reference).",
                "Only the spike's own trading day's bars are used; a spike with no bar before it that day is left out"
                        + " and counted."})
final class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First trading day.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last trading day (included).")
    LocalDate to;

    @Option(names = "--symbols", paramLabel = "SYM,SYM", description = "Only these tickers (default: all).")
    String symbols;

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only spikes of these kinds (the detector's kinds, e.g. volume, price, both; default: all).")
    List<String> kinds;

    @Option(names = "--min-score", paramLabel = "N", defaultValue = "0", description = "Only spikes scoring at least N.")
    double minScore;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one row per spike to FILE.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> chosenKinds;
        try {
            if (symbols != null) {
                chosen.addAll(Symbols.parseList(symbols));
            }
            chosenKinds = kinds == null ? Set.of() : SpikeStudy.requireKnownKinds(Set.copyOf(kinds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SpikeStudy.Result result;
        try (BarStore store = db.openExisting()) {
            result = SpikeStudy.run(store, new SpikeStudy.Selection(from, to, chosen, chosenKinds, minScore), () -> false);
        }
        if (csv != null) {
            Path target = csv.toAbsolutePath();
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    StudyCsv.write(result.paths(), writer);
                }
                Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        print(spec.commandLine().getOut(), result);
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, SpikeStudy.Result result) {
        out.printf("%d spikes %s..%s%s%n", result.paths().size(), from, to, result.withoutReference() == 0 ? ""
                : " (" + result.withoutReference() + " more with no bar before them that day, left out)");
        out.printf("%-7s %-6s %6s %6s  %-26s %-26s %5s %8s  median path (ret / move) at %s%n", "kind", "score",
                "spikes", "known", "continued (Wilson 95 %)", "reversed (Wilson 95 %)", "held", "move %",
                String.join(" ", SpikePath.HORIZON_NAMES));
        for (StudySummary.Group group : StudySummary.groups(result.paths())) {
            StringBuilder path = new StringBuilder();
            for (double value : group.medianPath()) {
                path.append(Double.isNaN(value) ? "  -  " : String.format("%5.2f", value)).append(' ');
            }
            out.printf("%-7s %-6s %6d %6d  %-26s %-26s %5d %8.3f  %s%n", group.kind(), group.band(), group.spikes(),
                    group.known(), rate(group.continued()), rate(group.reversed()), group.held(),
                    group.medianMovePct(), path.toString().trim());
        }
        if (csv != null) {
            out.println("One row per spike in " + csv.toAbsolutePath());
        }
    }

    private static String rate(StudySummary.Rate rate) {
        return rate.of() == 0 ? "-" : String.format("%d = %.0f%% (%.0f–%.0f%%)", rate.count(), 100 * rate.value(),
                100 * rate.low(), 100 * rate.high());
    }
}
