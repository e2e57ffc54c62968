package dev.tapewatch.cli;

import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "days", mixinStandardHelpOptions = true,
        description = "Lists the trading days stored (America/New_York dates) with their bar counts.")
final class DaysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = SymbolConverter.class,
            description = "Only this ticker.")
    String symbol;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BarStore store = db.openExisting()) {
            out.printf("%-10s  %-8s  %8s%n", "date", "symbol", "bars");
            for (DayCount day : store.days(symbol)) {
                out.printf("%-10s  %-8s  %8d%n", day.date(), day.symbol(), day.bars());
            }
        }
        return ExitCodes.OK;
    }
}
