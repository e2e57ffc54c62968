package dev.tapewatch.cli;

import dev.tapewatch.app.AppPaths;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that uses the database. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "An H2 database file (default: in the user's data folder), or PostgreSQL:"
                    + " jdbc:postgresql://HOST:PORT/DB?user=USER or postgresql://USER@HOST:PORT/DB (password from"
                    + " PGPASSWORD or ~/.pgpass).")
    String database;

    @Option(names = "--simulated", description = "Use the simulated market's database (where the simulator records"
            + " by default) instead of the real one.")
    boolean simulated;

    StoreLocation location(boolean simulator) {
        if (database != null) {
            return StoreLocation.parse(database);
        }
        AppPaths paths = AppPaths.system();
        return StoreLocation.ofFile(simulator || simulated ? paths.simulatorDatabase() : paths.defaultDatabase());
    }

    BarStore openExisting() {
        return BarStore.open(location(false), BarStore.Mode.EXISTING);
    }

    BarStore openOrCreate() {
        return openOrCreate(false);
    }

    /** Opens or creates the database; without --db the simulator records apart from real data. */
    BarStore openOrCreate(boolean simulator) {
        return BarStore.open(location(simulator), BarStore.Mode.CREATE);
    }
}
