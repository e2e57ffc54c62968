package dev.tapewatch.cli;

import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.store.CoverageSpan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Prints when a day was really recorded: the covered spans (to the last stored bar of each"
                + " connection, or filled from REST), how each ended, and the gaps between them.")
final class CoverageCommand implements Callable<Integer> {
    private static final int SHOWN_SYMBOLS = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    DayOptions day;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BarStore store = db.openExisting()) {
            List<CoverageSpan> spans = store.coverage(day.from(), day.to());
            List<CoverageSpan> shown = day.symbol == null ? spans : Coverage.of(day.symbol, spans);
            out.println("Coverage of " + day.date + (day.symbol == null ? "" : " for " + day.symbol)
                    + " (America/New_York):");
            if (shown.isEmpty()) {
                out.println("  nothing recorded");
            }
            for (CoverageSpan span : shown) {
                out.printf("  %s – %s  %-24s  %s%n", DayOptions.clock(span.start()), DayOptions.clock(span.end()),
                        span.endReason() == null ? "open (or the recorder died)" : span.endReason(),
                        symbols(span.symbols()));
            }
            for (String each : day.symbols(store)) {
                List<Coverage.Gap> gaps = Coverage.gaps(each, spans);
                StringBuilder line = new StringBuilder("Gaps of " + each + ": ");
                if (gaps.isEmpty()) {
                    line.append("none");
                }
                for (int i = 0; i < gaps.size(); i++) {
                    Coverage.Gap gap = gaps.get(i);
                    line.append(i > 0 ? ", " : "").append(DayOptions.clock(gap.start())).append(" – ").append(DayOptions.clock(gap.end()));
                }
                out.println(line);
            }
        }
        return ExitCodes.OK;
    }

    private static String symbols(List<String> symbols) {
        return symbols.size() <= SHOWN_SYMBOLS ? String.join(",", symbols)
                : String.join(",", symbols.subList(0, SHOWN_SYMBOLS)) + " and " + (symbols.size() - SHOWN_SYMBOLS)
                        + " more";
    }

}
