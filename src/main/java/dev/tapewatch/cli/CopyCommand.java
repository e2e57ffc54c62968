package dev.tapewatch.cli;

import dev.tapewatch.app.TapeCopy;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copies bars, spikes and coverage from one database to another (an H2 file or PostgreSQL,"
                + " either way), one symbol-day per transaction, printing progress to stderr.",
                "Run it again to resume: symbol-days the target already holds as many bars of are skipped."})
final class CopyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "PATH|URL", description = "The database to read.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PATH|URL",
            description = "The database to write (created if it is a new H2 file).")
    String to;

    @Option(names = "--date", paramLabel = "DAY|FROM..TO",
            description = "Only these trading days, e.g. 2024-01-02 or 2024-01-02..2024-01-31 (default: all).")
    String dates;

    @Option(names = "--symbols", paramLabel = "SYM,SYM", description = "Only these tickers (default: all).")
    String symbols;

    @Option(names = "--overwrite", description = "Copy every symbol-day again, also those the target seems to hold.")
    boolean overwrite;

    @Override
    public Integer call() {
        TapeCopy.Selection selection = selection();
        StoreLocation source = StoreLocation.parse(from);
        StoreLocation target = StoreLocation.parse(to);
        if (source.equals(target)) {
            throw new ParameterException(spec.commandLine(), "--from and --to are the same database");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BarStore in = BarStore.open(source, BarStore.Mode.EXISTING);
             BarStore into = BarStore.open(target, BarStore.Mode.CREATE)) {
            TapeCopy.Result result = TapeCopy.copy(in, into, selection, step -> {
                err.printf("[%d/%d] %s %s: %s%n", step.done(), step.total(), step.day().date(), step.day().symbol(),
                        step.skipped() ? "already there, skipped" : step.day().bars() + " bars");
                err.flush();
            });
            out.printf("Copied %d symbol-days (%d bars, %d spikes) and %d coverage spans from %s to %s;"
                            + " %d symbol-days were already there.%n", result.daysCopied(), result.bars(),
                    result.spikes(), result.spans(), source, target, result.daysSkipped());
        }
        return ExitCodes.OK;
    }

    private TapeCopy.Selection selection() {
        LocalDate first = null;
        LocalDate last = null;
        if (dates != null) {
            String[] range = dates.split("\\.\\.", -1);
            try {
                first = range[0].isBlank() ? null : LocalDate.parse(range[0].trim());
                last = range.length == 1 ? first : range[1].isBlank() ? null : LocalDate.parse(range[1].trim());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date '" + dates + "' is not a day or a range of"
                        + " days: use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD");
            }
            if (range.length > 2 || first != null && last != null && last.isBefore(first)) {
                throw new ParameterException(spec.commandLine(), "--date '" + dates + "' is not a range of days"
                        + " from an earlier to a later one: use YYYY-MM-DD..YYYY-MM-DD");
            }
        }
        LinkedHashSet<String> chosen = null;
        if (symbols != null) {
            try {
                chosen = new LinkedHashSet<>(Symbols.parseList(symbols));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--symbols: " + e.getMessage());
            }
        }
        return new TapeCopy.Selection(first, last, chosen, overwrite);
    }
}
