package dev.tapewatch.cli;

import dev.tapewatch.export.CsvImport;
import dev.tapewatch.store.BarStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Reads a CSV in the export format; bars already stored with the same symbol and time are replaced."
                + " The whole file is checked first: a bad row imports nothing.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        try (BarStore store = db.openOrCreate()) {
            long count = new CsvImport(store).fromFile(file);
            spec.commandLine().getErr().println("Imported " + count + " bars from " + file.toAbsolutePath());
        }
        return ExitCodes.OK;
    }
}
