package dev.tapewatch.cli;

import dev.tapewatch.lake.Lake;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lake", mixinStandardHelpOptions = true,
        description = {"Writes the stored bars as a Parquet dataset partitioned by day (DIR/date=YYYY-MM-DD/SYMBOL.parquet,"
                + " Hive-style: DuckDB, pandas/pyarrow, Polars, Spark and Trino read DIR as one table), with"
                + " DIR/_spikes.parquet and DIR/_coverage.parquet beside it.",
                "Incremental: only symbol-days new or changed since the last run are written (DIR/_manifest.json"
                + " keeps a fingerprint of each); every file is replaced atomically."})
final class LakeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The lake's folder.")
    Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First trading day included (default: the first stored).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last trading day included (default: the last stored).")
    LocalDate to;

    @Option(names = "--symbols", paramLabel = "SYM,SYM", description = "Only these tickers (default: all).")
    String symbols;

    @Option(names = "--all-days", description = "Rewrite every selected symbol-day, changed or not.")
    boolean allDays;

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (symbols != null) {
            try {
                chosen.addAll(Symbols.parseList(symbols));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--symbols: " + e.getMessage());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        try (BarStore store = db.openExisting()) {
            long started = System.nanoTime();
            Lake.Result result = new Lake(store, out).update(new Lake.Selection(from, to, chosen, allDays),
                    (day, symbol, dayNumber, dayCount, bars, written) -> {
                        err.printf("%s %s (day %d of %d): %d bars %s%n", day, symbol, dayNumber, dayCount, bars,
                                written ? "written" : "unchanged");
                        err.flush();
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf("Lake %s: %d symbol-days written (%d bars), %d unchanged, %d removed;"
                            + " %d spikes, %d coverage spans; %.1f s%n", out.toAbsolutePath(), result.written(),
                    result.barsWritten(), result.unchanged(), result.removed(), result.spikes(),
                    result.coverageSpans(), seconds);
        }
        return ExitCodes.OK;
    }
}
