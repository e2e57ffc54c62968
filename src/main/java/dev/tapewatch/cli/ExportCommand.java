package dev.tapewatch.cli;

import dev.tapewatch.export.CsvExport;
import dev.tapewatch.lake.ParquetExport;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes one symbol's bars of a day (or part of it) as CSV, or as Parquet with the lake's columns"
                + " (see lake --help). Times are America/New_York.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    SymbolDayOptions day;

    @Option(names = "--from", paramLabel = "HH:MM[:SS]", description = "First time included (default 00:00).")
    LocalTime from;

    @Option(names = "--to", paramLabel = "HH:MM[:SS]", description = "First time excluded (default end of day).")
    LocalTime to;

    @Option(names = "--out", required = true, paramLabel = "FILE|-", description = "CSV file, or - for stdout.")
    String out;

    /** What the export writes. */
    enum Format { CSV, PARQUET }

    @Option(names = "--format", paramLabel = "csv|parquet", defaultValue = "csv",
            description = "csv (default) or parquet (a file, not stdout).")
    Format format;

    @Override
    public Integer call() throws Exception {
        long start = from == null ? ExchangeTime.startOfDay(day.date) : ExchangeTime.toEpochMillis(day.date, from);
        long end = to == null ? ExchangeTime.endOfDay(day.date) : ExchangeTime.toEpochMillis(day.date, to);
        if (end <= start) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " must be after --from " + from);
        }
        if (format == Format.PARQUET && "-".equals(out)) {
            throw new ParameterException(spec.commandLine(), "--format parquet writes a file: give --out FILE.parquet");
        }
        try (BarStore store = db.openExisting()) {
            if (format == Format.PARQUET) {
                long rows = new ParquetExport(store).toFile(day.symbol, start, end, Path.of(out));
                spec.commandLine().getErr().println("Wrote " + rows + " bars of " + day.symbol + " to "
                        + Path.of(out).toAbsolutePath());
                return ExitCodes.OK;
            }
            CsvExport export = new CsvExport(store);
            if ("-".equals(out)) {
                export.toStream(day.symbol, start, end, System.out, null);
                System.out.flush();
            } else {
                long rows = export.toFile(day.symbol, start, end, Path.of(out), null);
                PrintWriter err = spec.commandLine().getErr();
                err.println("Wrote " + rows + " bars of " + day.symbol + " to " + Path.of(out).toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }
}
