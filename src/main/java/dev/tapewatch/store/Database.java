package dev.tapewatch.store;

import dev.tapewatch.market.Spike;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/**
 * One kind of database behind {@link BarStore}'s contract: what differs between H2 ({@link H2Database}) and
 * PostgreSQL ({@link PostgresDatabase}). Each owns its pool of connections, its Flyway migrations, how a commit
 * is made durable, change notifications, its bar layout ({@link BarTable}) and the statements whose SQL differs,
 * each taking typed arguments; {@link #open} is the one place that picks a kind. Thread-safe: every call takes
 * its own pooled connection.
 */
abstract sealed class Database implements AutoCloseable permits H2Database, PostgresDatabase {

    private final StoreLocation location;
    private final BarTable bars;
    /** Insert-or-replace of a spike's row ({@link SpikeRows#upsert}) in this database's SQL. */
    private final String spikeUpsert;
    private volatile Pool pool;

    /** The connections and how to let go of them. */
    record Pool(DataSource source, Runnable dispose) {
    }

    /** Work on one connection. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    Database(StoreLocation location, Pool pool, BarTable bars, String spikeUpsert) {
        this.location = location;
        this.pool = pool;
        this.bars = bars;
        this.spikeUpsert = spikeUpsert;
    }

    /** Opens the database of a location (PostgreSQL by its URL, H2 otherwise) with its tables migrated. */
    static Database open(StoreLocation location, BarStore.Mode mode) {
        Database database = location.isPostgres() ? PostgresDatabase.connect(location)
                : H2Database.connect(location, mode);
        if (database.migrate() && location.isH2File()) {
            // a migration that moved every bar leaves an H2 file about twice its live data until compacted
            LoggerFactory.getLogger(Database.class).info("Compacting {} after moving its bars to the new layout",
                    location.describe());
            database.closeCompacted();
            database = H2Database.connect(location, mode);
            database.migrate();
        }
        return database;
    }

    /** Migrates the tables; true when the migrations just run rewrote stored bars ({@link #rewroteBars}). */
    private boolean migrate() {
        try {
            return rewroteBars(migrations(Flyway.configure().dataSource(pool.source())).load().migrate());
        } catch (FlywayException e) {
            close();
            SQLException cause = findSqlCause(e);
            if (cause != null) {
                throw StoreErrors.translate(cause, location, "open");
            }
            throw new StoreException("Cannot prepare the tables of database " + location.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether these migrations moved stored bars to a new layout, leaving a file to compact. */
    boolean rewroteBars(MigrateResult migrated) {
        return false;
    }

    private static SQLException findSqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Where this kind's migrations are. */
    abstract FluentConfiguration migrations(FluentConfiguration flyway);

    /** Tells readers elsewhere what the writing transaction changed, once it commits (where the database can). */
    abstract void announce(Connection connection, List<BarChanges.Change> changes) throws SQLException;

    /** After a commit: returns once what was committed survives the process being killed. */
    abstract void makeDurable(String action);

    /** Follows the changes other processes commit here ({@link BarStore#subscribe}). */
    abstract BarChanges.Subscription subscribe();

    /** How much of the file is live ({@link BarStore#fileUse}). */
    abstract H2Files.Use fileUse();

    /** Closes the database rewritten to its live data; returns the file's size ({@link BarStore#closeCompacted}). */
    abstract long closeCompacted();

    /** The database stopped answering with {@code failure}: opens it again, or throws while it cannot. */
    abstract void reconnect(SQLException failure);

    StoreLocation location() {
        return location;
    }

    /** How bars are laid out here. */
    BarTable bars() {
        return bars;
    }

    /** Stores spikes in the writing transaction; one that starts where a stored one starts replaces it. */
    void saveSpikes(Connection connection, Collection<Spike> spikes) throws SQLException {
        SpikeRows.upsert(connection, spikeUpsert, spikes);
    }

    DataSource source() {
        return pool.source();
    }

    /** Uses {@code fresh} from now on and lets go of the connections used so far. */
    void replacePool(Pool fresh) {
        Pool old = pool;
        pool = fresh;
        old.dispose().run();
    }

    /** After a failed write: if the database no longer answers, opens it again ({@link BarStore#recover}). */
    synchronized void recover() {
        try (Connection connection = pool.source().getConnection();
             PreparedStatement ping = connection.prepareStatement("SELECT 1")) {
            ping.executeQuery().close();
        } catch (SQLException e) {
            reconnect(e);
        }
    }

    <T> T query(String action, SqlWork<T> work) {
        try (Connection connection = pool.source().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
    }

    <T> T inTransaction(String action, SqlWork<T> work) {
        ReentrantLock lock = transactionLock();
        if (lock == null) {
            return transaction(action, work);
        }
        lock.lock();
        try {
            return transaction(action, work);
        } finally {
            lock.unlock();
        }
    }

    /** A lock held for each whole write transaction, or null where the database itself keeps writers apart. */
    ReentrantLock transactionLock() {
        return null;
    }

    private <T> T transaction(String action, SqlWork<T> work) {
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

    @Override
    public void close() {
        pool.dispose().run();
    }
}
