package dev.tapewatch.cli;

import dev.tapewatch.app.AppPaths;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that uses the database. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL",
            description = "Database file or JDBC URL (default: the user's data folder).")
    String database;

    StoreLocation location() {
        return database == null ? StoreLocation.ofFile(AppPaths.system().defaultDatabase())
                : StoreLocation.parse(database);
    }

    BarStore openExisting() {
        return BarStore.open(location(), BarStore.Mode.EXISTING);
    }

    BarStore openOrCreate() {
        return BarStore.open(location(), BarStore.Mode.CREATE);
    }
}
