package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Bars, spikes and coverage spans over JDBC: an H2 file by default, or PostgreSQL. Thread-safe: every call takes
 * its own pooled connection. Writes of bars are idempotent upserts keyed by (symbol, start), last write wins; how
 * they are laid out differs per database ({@link BarTable}: minute chunks on H2, rows partitioned by day on
 * PostgreSQL).
 * <p>
 * "Stored" means on disk: {@link #writeDurably} returns only after the transaction is committed and written
 * (PostgreSQL's commit waits for its log; H2 otherwise writes commits in the background up to a second later, which
 * a {@code kill -9} loses, so H2 is checkpointed). H2's own shutdown hook is off ({@code DB_CLOSE_ON_EXIT=FALSE})
 * so a stopping process can still store what it holds, and after H2 closed the database itself (it does on a
 * failed write, e.g. a full disk) {@link #recover} opens it again.
 * <p>
 * On PostgreSQL each committed write also sends a notification of the bars it changed ({@link BarChanges}), so
 * readers elsewhere can follow a recorder without polling.
 */
public final class BarStore implements AutoCloseable {

    /** Whether opening may create a new database or must find an existing one. */
    public enum Mode { CREATE, EXISTING }

    /** Bars a transaction holds before writing them out (an import of a big file is one transaction). */
    private static final int PENDING_LIMIT = 100_000;

    private final StoreLocation location;
    private final String url;
    private final BarTable table;
    private volatile Pool pool;

    /** The connections and how to let go of them. */
    private record Pool(DataSource source, Runnable dispose) {
    }

    private BarStore(StoreLocation location, String url, Pool pool) {
        this.location = location;
        this.url = url;
        this.pool = pool;
        this.table = location.isPostgres() ? new PostgresBarTable(pool.source()) : new MinuteChunkTable();
    }

    public static BarStore open(StoreLocation location, Mode mode) {
        if (location.isH2File()) {
            checkFileLocation(location, mode);
        }
        String url = location.jdbcUrl();
        if (location.isH2File() && mode == Mode.EXISTING) {
            url += ";IFEXISTS=TRUE";
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (location.isH2File()) {
            url += H2Files.settings(url);
        }
        Pool pool = connect(location, url);
        try {
            FluentConfiguration flyway = Flyway.configure().dataSource(pool.source());
            if (location.isPostgres()) {
                flyway.locations("classpath:db/migration/postgresql");
            } else {
                flyway.locations("classpath:db/migration/h2").javaMigrations(new V4__bar_minutes(),
                        new V7__compact_minute_chunks());
            }
            flyway.load().migrate();
            return new BarStore(location, url, pool);
        } catch (FlywayException e) {
            pool.dispose().run();
            SQLException cause = findSqlCause(e);
            if (cause != null) {
                throw StoreErrors.translate(cause, location, "open");
            }
            throw new StoreException("Cannot prepare the tables of database " + location.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A pool whose first connection has been opened: lock, corruption and login errors surface here. */
    private static Pool connect(StoreLocation location, String url) {
        if (location.isPostgres()) {
            try {
                com.zaxxer.hikari.HikariDataSource source = PostgresConnections.open(location);
                return new Pool(source, source::close);
            } catch (SQLException e) {
                throw StoreErrors.translate(e, location, "open");
            }
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try (Connection ignored = pool.getConnection()) {
            return new Pool(pool, pool::dispose);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translate(e, location, "open");
        }
    }

    /**
     * After a failed write: if the database no longer answers (H2 closes it on an I/O failure), opens it
     * again, so that a retry can succeed once the cause (a full disk) is gone. Throws while it cannot.
     * (PostgreSQL's pool replaces broken connections itself.)
     */
    public synchronized void recover() {
        try (Connection connection = pool.source().getConnection();
             PreparedStatement ping = connection.prepareStatement("SELECT 1")) {
            ping.executeQuery().close();
            return;
        } catch (SQLException e) {
            if (location.isPostgres()) {
                throw StoreErrors.translate(e, location, "reach");
            }
            // closed or broken: open it again below
        }
        Pool old = pool;
        pool = connect(location, url);
        old.dispose().run();
    }

    private static void checkFileLocation(StoreLocation location, Mode mode) {
        Path dataFile = location.dataFile();
        if (mode == Mode.EXISTING) {
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

    private static SQLException findSqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    public StoreLocation location() {
        return location;
    }

    /** Inserts or replaces bars in one transaction, on disk when it returns: all are stored or none. */
    public void upsert(Collection<Bar> bars) {
        if (!bars.isEmpty()) {
            writeDurably("store bars in", writes -> {
                writes.upsert(bars);
                return null;
            });
        }
    }

    /** What may be done inside one durable write; valid only during {@link #writeDurably}. */
    public final class Writes {
        private final Connection connection;
        /** Bars in arrival order, until written out. */
        private final List<Bar> pending = new ArrayList<>();
        private final BarChanges.Builder changes = new BarChanges.Builder();

        private Writes(Connection connection) {
            this.connection = connection;
        }

        public void upsert(Iterable<Bar> bars) throws SQLException {
            for (Bar bar : bars) {
                upsert(bar);
            }
        }

        /** Adds one bar to the transaction; a later bar with the same symbol and start replaces it. */
        public void upsert(Bar bar) throws SQLException {
            pending.add(bar);
            changes.add(bar.symbol(), bar.start());
            if (pending.size() >= PENDING_LIMIT) {
                writePending();
            }
        }

        private void writePending() throws SQLException {
            if (!pending.isEmpty()) {
                table.write(connection, pending);
                pending.clear();
            }
        }

        /** Deletes the stored bar of a second (every trade of it was cancelled), after the bars added before. */
        public void delete(String symbol, long start) throws SQLException {
            writePending();
            table.delete(connection, symbol, start);
            changes.removed(symbol, start);
        }

        /** Records a covered span; returns its id. */
        public long insertCoverage(Collection<String> symbols, long start, long end, String reason)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO coverage (symbols, start_ms, end_ms, end_reason) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, String.join(",", symbols));
                statement.setLong(2, start);
                statement.setLong(3, end);
                statement.setString(4, reason);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        /** Stores spikes; one that starts where a stored one starts replaces it. */
        public void saveSpikes(Collection<Spike> spikes) throws SQLException {
            if (!spikes.isEmpty()) {
                insertSpikes(connection, spikes);
            }
        }

        /** Sets a span's end and how it ended (null: still open). */
        public void updateCoverage(long id, long end, String reason) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE coverage SET end_ms = ?, end_reason = ? WHERE id = ?")) {
                statement.setLong(1, end);
                statement.setString(2, reason);
                statement.setLong(3, id);
                statement.executeUpdate();
            }
        }

        private void finish() throws SQLException {
            writePending();
            if (location.isPostgres()) {
                BarChanges.notify(connection, changes.build());
            }
        }
    }

    /** Work inside one transaction. */
    public interface WriteWork<T> {
        T run(Writes writes) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, commits it and has it written to the database file before
     * returning: on return it survives the process being killed. All of it is stored or none.
     */
    public <T> T writeDurably(String action, WriteWork<T> work) {
        T result = inTransaction(action, connection -> {
            Writes writes = new Writes(connection);
            T value = work.run(writes);
            writes.finish();
            return value;
        });
        if (url.startsWith("jdbc:h2:")) {
            query(action, connection -> {
                try (PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT")) {
                    checkpoint.execute();
                }
                return null;
            });
        }
        return result;
    }

    /**
     * Follows what other processes store here: the changes of each committed write, as they commit. Only
     * PostgreSQL can tell; on other databases this throws {@link UnsupportedOperationException}. Close it when done.
     */
    public BarChanges.Subscription subscribe() {
        if (!location.isPostgres()) {
            throw new UnsupportedOperationException("Only a PostgreSQL database can be watched: "
                    + location.describe() + " is not one.");
        }
        try {
            return BarChanges.subscribe(pool.source().getConnection(), location);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, "watch");
        }
    }

    /** Bars of a symbol with start in [from, to), in time order. */
    public List<Bar> bars(String symbol, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        forEachBar(symbol, from, to, bars::add);
        return bars;
    }

    /** The last {@code count} bars of a symbol with start in [from, to), newest first. */
    public List<Bar> lastBars(String symbol, long from, long to, int count) {
        return query("read bars from", connection -> table.last(connection, symbol, from, to, count));
    }

    /** Streams bars of a symbol with start in [from, to) in time order, without holding them all. */
    public void forEachBar(String symbol, long from, long to, Consumer<Bar> consumer) {
        query("read bars from", connection -> {
            table.forEach(connection, symbol, from, to, consumer);
            return null;
        });
    }

    /** Trading days (exchange dates) with their bar counts, for one symbol or for all when null. */
    public List<DayCount> days(String symbol) {
        return query("list days in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(table.daysQuery(symbol != null))) {
                if (symbol != null) {
                    statement.setString(1, symbol);
                }
                List<DayCount> days = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        days.add(new DayCount(rows.getString(1), rows.getDate(2).toLocalDate(), rows.getLong(3)));
                    }
                }
                return days;
            }
        });
    }

    public List<String> symbols() {
        return query("list symbols in", connection -> {
            List<String> symbols = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(table.symbolsQuery());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    symbols.add(rows.getString(1));
                }
            }
            return symbols;
        });
    }

    /** Records a span as covered (e.g. one filled from the provider's REST history); on disk when it returns. */
    public long addCoverage(Collection<String> symbols, long start, long end, String reason) {
        return writeDurably("record coverage in", writes -> writes.insertCoverage(symbols, start, end, reason));
    }

    /** Coverage spans overlapping [from, to), in start order. */
    public List<CoverageSpan> coverage(long from, long to) {
        return query("read coverage from", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, symbols, start_ms, end_ms, end_reason FROM coverage"
                            + " WHERE start_ms < ? AND end_ms >= ? ORDER BY start_ms, id")) {
                statement.setLong(1, to);
                statement.setLong(2, from);
                List<CoverageSpan> spans = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        spans.add(new CoverageSpan(rows.getLong(1), List.of(rows.getString(2).split(",")),
                                rows.getLong(3), rows.getLong(4), rows.getString(5)));
                    }
                }
                return spans;
            }
        });
    }

    /** Replaces the spikes of a symbol that start in [from, to) with these. */
    public void replaceSpikes(String symbol, long from, long to, Collection<Spike> spikes) {
        inTransaction("store spikes in", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM spikes WHERE symbol = ? AND start_ms >= ? AND start_ms < ?")) {
                delete.setString(1, symbol);
                delete.setLong(2, from);
                delete.setLong(3, to);
                delete.executeUpdate();
            }
            insertSpikes(connection, spikes);
            return null;
        });
    }

    private void insertSpikes(Connection connection, Collection<Spike> spikes) throws SQLException {
        Map<String, Spike> latest = new LinkedHashMap<>(); // one statement may not touch a row twice
        for (Spike spike : spikes) {
            latest.put(spike.symbol() + "@" + spike.start(), spike);
        }
        String upsert = location.isPostgres()
                ? "INSERT INTO spikes (symbol, start_ms, end_ms, peak_ms, kind, peak_score, volume_multiple, prints)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, start_ms) DO UPDATE SET"
                        + " end_ms = EXCLUDED.end_ms, peak_ms = EXCLUDED.peak_ms, kind = EXCLUDED.kind,"
                        + " peak_score = EXCLUDED.peak_score, volume_multiple = EXCLUDED.volume_multiple,"
                        + " prints = EXCLUDED.prints"
                : "MERGE INTO spikes (symbol, start_ms, end_ms, peak_ms, kind, peak_score, volume_multiple, prints)"
                        + " KEY (symbol, start_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Spike spike : latest.values()) {
                statement.setString(1, spike.symbol());
                statement.setLong(2, spike.start());
                statement.setLong(3, spike.end());
                statement.setLong(4, spike.peakTime());
                statement.setString(5, spike.kind().name());
                statement.setDouble(6, spike.peakScore());
                statement.setDouble(7, spike.volumeMultiple());
                statement.setString(8, spike.prints().name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Spikes of a symbol that start in [from, to), in time order. */
    public List<Spike> spikes(String symbol, long from, long to) {
        return query("read spikes from", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT symbol, start_ms, end_ms,"
                    + " peak_ms, kind, peak_score, volume_multiple, prints FROM spikes"
                    + " WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms")) {
                statement.setString(1, symbol);
                statement.setLong(2, from);
                statement.setLong(3, to);
                List<Spike> spikes = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        spikes.add(new Spike(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                Spike.Kind.valueOf(rows.getString(5)), rows.getDouble(6), rows.getDouble(7),
                                Spike.Prints.valueOf(rows.getString(8))));
                    }
                }
                return spikes;
            }
        });
    }

    /** Logs an alert (its JSON) at its market time. */
    public void logAlert(long time, String symbol, String body) {
        inTransaction("log an alert in", connection -> {
            AlertLogRows.insert(connection, time, symbol, body);
            return null;
        });
    }

    /** The JSON of the alerts logged in [from, to), newest first. */
    public List<String> alertLog(long from, long to) {
        return query("read the alert log from", connection -> AlertLogRows.read(connection, from, to));
    }

    /** Forgets the alerts logged in [from, to); returns how many. */
    public int clearAlertLog(long from, long to) {
        return inTransaction("clear the alert log in", connection -> AlertLogRows.delete(connection, from, to));
    }

    public long countBars() {
        return query("count bars in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(table.countQuery());
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** How much of the H2 file is live now (H2's own figures). */
    public H2Files.Use fileUse() {
        if (location.isPostgres()) {
            throw new UnsupportedOperationException("Only an H2 file reports its use: " + location.describe());
        }
        return query("read the file use of", H2Files::use);
    }

    @Override
    public void close() {
        pool.dispose().run();
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(String action, SqlWork<T> work) {
        try (Connection connection = pool.source().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
    }

    private <T> T inTransaction(String action, SqlWork<T> work) {
        try (Connection connection = pool.source().getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                connection.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
    }

    /** A failed rollback (the database may be closed already) must not hide why the transaction failed. */
    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
