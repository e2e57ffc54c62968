package dev.tapewatch.cli;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.DayCount;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Prints when a day was really recorded: the covered spans (to the last stored bar of each"
                + " connection, or filled from REST), how each ended, and the gaps between them.")
final class CoverageCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int SHOWN_SYMBOLS = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Trading day (America/New_York).")
    LocalDate date;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = SymbolConverter.class,
            description = "Only the spans and gaps of this ticker.")
    String symbol;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long from = ExchangeTime.startOfDay(date);
        long to = ExchangeTime.endOfDay(date);
        try (BarStore store = db.openExisting()) {
            List<CoverageSpan> spans = store.coverage(from, to);
            List<CoverageSpan> shown = symbol == null ? spans : Coverage.of(symbol, spans);
            out.println("Coverage of " + date + (symbol == null ? "" : " for " + symbol) + " (America/New_York):");
            if (shown.isEmpty()) {
                out.println("  nothing recorded");
            }
            for (CoverageSpan span : shown) {
                out.printf("  %s – %s  %-24s  %s%n", clock(span.start()), clock(span.end()),
                        span.endReason() == null ? "open (or the recorder died)" : span.endReason(),
                        symbols(span.symbols()));
            }
            List<String> symbols = symbol != null ? List.of(symbol) : store.days(null).stream()
                    .filter(day -> day.date().equals(date)).map(DayCount::symbol).toList();
            for (String each : symbols) {
                List<Coverage.Gap> gaps = Coverage.gaps(each, spans);
                StringBuilder line = new StringBuilder("Gaps of " + each + ": ");
                if (gaps.isEmpty()) {
                    line.append("none");
                }
                for (int i = 0; i < gaps.size(); i++) {
                    Coverage.Gap gap = gaps.get(i);
                    line.append(i > 0 ? ", " : "").append(clock(gap.start())).append(" – ").append(clock(gap.end()));
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

    private static String clock(long time) {
        return CLOCK.format(ExchangeTime.localDateTime(time));
    }
}
