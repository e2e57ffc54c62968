package dev.tapewatch.cli;

import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "symbols", mixinStandardHelpOptions = true, description = "Lists the symbols stored.")
final class SymbolsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BarStore store = db.openExisting()) {
            store.symbols().forEach(out::println);
        }
        return ExitCodes.OK;
    }
}
