package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bars, spikes and coverage spans over JDBC: an H2 file by default, or PostgreSQL; what differs between them is
 * their {@link Database} ({@link H2Database}, {@link PostgresDatabase}). Thread-safe: every call takes its own
 * pooled connection. Writes of bars are idempotent upserts keyed by (symbol, start), last write wins; how they
 * are laid out differs per database ({@link BarTable}: minute chunks on H2, rows partitioned by day on
 * PostgreSQL).
 * <p>
 * "Stored" means on disk: {@link #writeDurably} returns only after the transaction is committed and written
 * (PostgreSQL's commit waits for its log; H2 is checkpointed and fsynced, as it otherwise writes commits in the
 * background up to a second later, which a {@code kill -9} loses, and leaves them to the OS's write-back, which a
 * power cut loses). After the database closed itself (H2 does on a failed
 * write, e.g. a full disk) {@link #recover} opens it again.
 * <p>
 * On PostgreSQL each committed write also sends a notification of the bars it changed ({@link BarChanges}), so
 * readers elsewhere can follow a recorder without polling.
 */
public final class BarStore implements AutoCloseable {

    /** Whether opening may create a new database or must find an existing one. */
    public enum Mode { CREATE, EXISTING }

    /** Bars a transaction holds before writing them out (an import of a big file is one transaction). */
    private static final int PENDING_LIMIT = 100_000;

    private final Database database;

    private BarStore(Database database) {
        this.database = database;
    }

    public static BarStore open(StoreLocation location, Mode mode) {
        return new BarStore(Database.open(location, mode));
    }

    /**
     * After a failed write: if the database no longer answers (H2 closes it on an I/O failure), opens it
     * again, so that a retry can succeed once the cause (a full disk) is gone. Throws while it cannot.
     * (PostgreSQL's pool replaces broken connections itself.)
     */
    public void recover() {
        database.recover();
    }

    public StoreLocation location() {
        return database.location();
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
                database.bars().write(connection, pending);
                pending.clear();
            }
        }

        /** Deletes the stored bar of a second (every trade of it was cancelled), after the bars added before. */
        public void delete(String symbol, long start) throws SQLException {
            writePending();
            database.bars().delete(connection, symbol, start);
            changes.removed(symbol, start);
        }

        /** Records a covered span; returns its id. */
        public long insertCoverage(Collection<String> symbols, long start, long end, String reason)
                throws SQLException {
            return CoverageRows.insert(connection, symbols, start, end, reason);
        }

        /** Stores spikes; one that starts where a stored one starts replaces it. */
        public void saveSpikes(Collection<Spike> spikes) throws SQLException {
            if (!spikes.isEmpty()) {
                database.saveSpikes(connection, spikes);
            }
        }

        /** Sets a span's end and how it ended (null: still open). */
        public void updateCoverage(long id, long end, String reason) throws SQLException {
            CoverageRows.update(connection, id, end, reason);
        }

        private void finish() throws SQLException {
            writePending();
            database.announce(connection, changes.build());
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
        T result = database.inTransaction(action, connection -> {
            Writes writes = new Writes(connection);
            T value = work.run(writes);
            writes.finish();
            return value;
        });
        database.makeDurable(action);
        return result;
    }

    /**
     * Follows what other processes store here: the changes of each committed write, as they commit. Only
     * PostgreSQL can tell; on other databases this throws {@link UnsupportedOperationException}. Close it when done.
     */
    public BarChanges.Subscription subscribe() {
        return database.subscribe();
    }

    /** Bars of a symbol with start in [from, to), in time order. */
    public List<Bar> bars(String symbol, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        forEachBar(symbol, from, to, bars::add);
        return bars;
    }

    /** The last {@code count} bars of a symbol with start in [from, to), newest first. */
    public List<Bar> lastBars(String symbol, long from, long to, int count) {
        return database.query("read bars from",
                connection -> database.bars().last(connection, symbol, from, to, count));
    }

    /** Streams bars of a symbol with start in [from, to) in time order, without holding them all. */
    public void forEachBar(String symbol, long from, long to, Consumer<Bar> consumer) {
        database.query("read bars from", connection -> {
            database.bars().forEach(connection, symbol, from, to, consumer);
            return null;
        });
    }

    /** Trading days (exchange dates) with their bar counts, for one symbol or for all when null. */
    public List<DayCount> days(String symbol) {
        return database.query("list days in", connection -> database.bars().days(connection, symbol));
    }

    public List<String> symbols() {
        return database.query("list symbols in", database.bars()::symbols);
    }

    /** Records a span as covered (e.g. one filled from the provider's REST history); on disk when it returns. */
    public long addCoverage(Collection<String> symbols, long start, long end, String reason) {
        return writeDurably("record coverage in", writes -> writes.insertCoverage(symbols, start, end, reason));
    }

    /** Coverage spans overlapping [from, to), in start order. */
    public List<CoverageSpan> coverage(long from, long to) {
        return database.query("read coverage from", connection -> CoverageRows.read(connection, from, to));
    }

    /** Replaces the spikes of a symbol that start in [from, to) with these. */
    public void replaceSpikes(String symbol, long from, long to, Collection<Spike> spikes) {
        database.inTransaction("store spikes in", connection -> {
            SpikeRows.delete(connection, symbol, from, to);
            database.saveSpikes(connection, spikes);
            return null;
        });
    }

    /** Spikes of a symbol that start in [from, to), in time order. */
    public List<Spike> spikes(String symbol, long from, long to) {
        return database.query("read spikes from", connection -> SpikeRows.read(connection, symbol, from, to));
    }

    /** Logs an alert (its JSON) at its market time. */
    public void logAlert(long time, String symbol, String body) {
        database.inTransaction("log an alert in", connection -> {
            AlertLogRows.insert(connection, time, symbol, body);
            return null;
        });
    }

    /** The JSON of the alerts logged in [from, to), newest first. */
    public List<String> alertLog(long from, long to) {
        return database.query("read the alert log from", connection -> AlertLogRows.read(connection, from, to));
    }

    /** Forgets the alerts logged in [from, to); returns how many. */
    public int clearAlertLog(long from, long to) {
        return database.inTransaction("clear the alert log in",
                connection -> AlertLogRows.delete(connection, from, to));
    }

    public long countBars() {
        return database.query("count bars in", database.bars()::count);
    }

    /** How much of the H2 file is live now (H2's own figures); only an H2 database reports it. */
    public H2Files.Use fileUse() {
        return database.fileUse();
    }

    /**
     * Closes an H2 file rewritten to its live data alone ({@link H2Files#compact}); returns the file's size after.
     * The store is closed afterwards, whether or not the rewrite succeeded (the file is whole either way).
     */
    public long closeCompacted() {
        return database.closeCompacted();
    }

    @Override
    public void close() {
        database.close();
    }
}
