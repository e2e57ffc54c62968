package dev.tapewatch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2: a file by default (any other H2 URL works too), bars in minute chunks ({@link MinuteChunkTable}).
 * H2 writes commits to its file in the background up to a second later, which a {@code kill -9} loses, so each
 * durable write is checkpointed and fsynced; a file left open by a process that ended, or (where the process's open
 * files can be read) closed by H2 after a failed write, is recovered to its newest commit before H2 opens it
 * ({@link H2OpenRecovery}), which H2 alone does not always find. H2's own shutdown hook is off
 * ({@code DB_CLOSE_ON_EXIT=FALSE}) so a stopping process can still store what it holds, and after H2 closed the
 * database itself (it does on a failed write, e.g. a full disk) {@link #reconnect} opens it again. H2 cannot
 * tell other processes what was stored.
 */
final class H2Database extends Database {
    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    private static final String UPSERT_SPIKE = "MERGE INTO spikes (" + SpikeRows.COLUMNS + ")"
            + " KEY (symbol, start_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** H2 files open in this process, with the number of pools holding each. */
    private static final Map<Path, Integer> FILES_HELD = new HashMap<>();

    /** The transaction lock of each database, by its location's URL. */
    private static final Map<String, ReentrantLock> TRANSACTION_LOCKS =
            new ConcurrentHashMap<>();

    private final String url;

    private H2Database(StoreLocation location, String url, Pool pool) {
        super(location, pool, new MinuteChunkTable(), UPSERT_SPIKE);
        this.url = url;
    }

    static H2Database connect(StoreLocation location, BarStore.Mode mode) {
        if (location.isH2File()) {
            checkFileLocation(location, mode);
        }
        String url = location.jdbcUrl();
        if (location.isH2File() && mode == BarStore.Mode.EXISTING) {
            url += ";IFEXISTS=TRUE";
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (location.isH2File()) {
            url += H2Files.settings(url);
        }
        return new H2Database(location, url, pool(location, url));
    }

    /**
     * A pool whose first connection has been opened: lock, corruption and login errors surface here. A file is
     * recovered to its newest commit before H2 opens it: where the process's open files can be read, by
     * {@link H2OpenRecovery} each time H2 opens it (also after H2 closed the database itself); elsewhere here, at
     * the first pool of the file only, since closing any other handle on a file drops the process's lock on it.
     * The last pool of a file to let go fsyncs what H2's close wrote.
     */
    private static Pool pool(StoreLocation location, String url) {
        if (!location.isH2File()) {
            return openPool(location, url, () -> { });
        }
        Path file = location.dataFile();
        synchronized (FILES_HELD) {
            if (!FILES_HELD.containsKey(file) && !H2Files.seesOpenFiles()) { // else H2OpenRecovery probes it
                H2Files.recoverNewestVersion(file);
            }
            Pool pool = openPool(location, url, () -> release(file));
            FILES_HELD.merge(file, 1, Integer::sum);
            return pool;
        }
    }

    /** H2 has closed the file once no pool holds it: what its close wrote (compaction, header) is put on the device. */
    private static void release(Path file) {
        synchronized (FILES_HELD) {
            if (FILES_HELD.computeIfPresent(file, (held, pools) -> pools == 1 ? null : pools - 1) == null) {
                H2Files.syncClosed(file);
            }
        }
    }

    private static Pool openPool(StoreLocation location, String url, Runnable released) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try (Connection ignored = pool.getConnection()) {
            return new Pool(pool, () -> {
                pool.dispose();
                released.run();
            });
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translate(e, location, "open");
        }
    }

    private static void checkFileLocation(StoreLocation location, BarStore.Mode mode) {
        Path dataFile = location.dataFile();
        if (mode == BarStore.Mode.EXISTING) {
            if (!Files.isRegularFile(dataFile)) {
                throw new StoreException("No database at " + dataFile + ". Record some bars first"
                        + " (tapewatch record) or pass --db with the path of an existing database.");
            }
            return;
        }
        Path folder = dataFile.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the database folder " + folder + " for " + dataFile + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")."
                    + " Choose a writable location with --db.", e);
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException("Cannot write the database " + dataFile + ": folder " + folder
                    + " is not writable. Choose a writable location with --db.");
        }
    }

    @Override
    FluentConfiguration migrations(FluentConfiguration flyway) {
        return flyway.locations("classpath:db/migration/h2")
                .javaMigrations(new V4__bar_minutes(), new V7__compact_minute_chunks());
    }

    @Override
    void announce(Connection connection, List<BarChanges.Change> changes) {
        // no reader elsewhere can listen to H2
    }

    @Override
    void makeDurable(String action) {
        MinuteChunkTable chunks = (MinuteChunkTable) bars();
        if (chunks.movedHours()) {
            try {
                inTransaction("clear the moved hours of", connection -> {
                    chunks.emptyMovedHours(connection);
                    return null;
                });
            } catch (StoreException e) {
                // the write committed; rows already moved are out of every read, and the next move clears them
                LOG.warn("Could not clear the hours just moved: {}", e.getMessage());
            }
        }
        query(action, connection -> {
            // writes the commit into the file and has the OS put the file on the device (fsync) before it counts
            try (PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT SYNC")) {
                checkpoint.execute();
            }
            return null;
        });
    }

    @Override
    BarChanges.Subscription subscribe() {
        throw new UnsupportedOperationException("Only a PostgreSQL database can be watched: "
                + location().describe() + " is not one.");
    }

    @Override
    H2Files.Use fileUse() {
        return query("read the file use of", H2Files::use);
    }

    /** Versions 4, 7 and 8 moved every bar to a new layout; on a file with bars, that leaves it twice its live data. */
    @Override
    boolean rewroteBars(MigrateResult migrated) {
        return migrated.migrations.stream().anyMatch(done -> Set.of("4", "7", "8").contains(done.version))
                && query("read", connection -> {
                    try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM bar_minutes LIMIT 1");
                         ResultSet rows = any.executeQuery()) {
                        return rows.next();
                    }
                });
    }

    /**
     * One write transaction at a time per database in this process: a batch is merged into a minute's stored chunk
     * by reading the chunk and writing it back, so two transactions merging into the same minute at once (an import
     * while recording) would each write back a chunk without the other's bars.
     */
    @Override
    ReentrantLock transactionLock() {
        return TRANSACTION_LOCKS.computeIfAbsent(location().jdbcUrl(),
                key -> new ReentrantLock());
    }

    @Override
    long closeCompacted() {
        StoreLocation location = location();
        if (!location.isH2File()) {
            throw new UnsupportedOperationException("Only an H2 file is compacted: " + location.describe());
        }
        try {
            query("compact", H2Files::compact);
            return Files.size(H2Files.file(location.file()));
        } catch (IOException e) {
            throw new StoreException("Cannot read the size of " + location.describe() + ": " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    /** H2 closes the database on an I/O failure (a full disk): open it again, for a retry once that is gone. */
    @Override
    void reconnect(SQLException failure) {
        replacePool(pool(location(), url));
    }
}
