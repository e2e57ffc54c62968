package dev.tapewatch.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * PostgreSQL: a server, bars in rows partitioned by day ({@link PostgresBarTable}). A commit returns only once it
 * is in the server's log, so it is durable as it is. Each committed write also sends a notification of the bars
 * it changed ({@link BarChanges}), so readers elsewhere can follow a recorder without polling.
 */
final class PostgresDatabase extends Database {
    private static final String UPSERT_SPIKE = "INSERT INTO spikes (" + SpikeRows.COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, start_ms) DO UPDATE SET"
            + " end_ms = EXCLUDED.end_ms, peak_ms = EXCLUDED.peak_ms, kind = EXCLUDED.kind,"
            + " peak_score = EXCLUDED.peak_score, volume_multiple = EXCLUDED.volume_multiple,"
            + " prints = EXCLUDED.prints";

    private PostgresDatabase(StoreLocation location, HikariDataSource source) {
        super(location, new Pool(source, source::close), new PostgresBarTable(source), UPSERT_SPIKE);
    }

    static PostgresDatabase connect(StoreLocation location) {
        try {
            return new PostgresDatabase(location, PostgresConnections.open(location));
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, "open");
        }
    }

    @Override
    FluentConfiguration migrations(FluentConfiguration flyway) {
        return flyway.locations("classpath:db/migration/postgresql");
    }

    @Override
    void announce(Connection connection, List<BarChanges.Change> changes) throws SQLException {
        BarChanges.notify(connection, changes);
    }

    @Override
    void makeDurable(String action) {
        // the commit has waited for the log already
    }

    @Override
    BarChanges.Subscription subscribe() {
        try {
            return BarChanges.subscribe(source().getConnection(), location());
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location(), "watch");
        }
    }

    @Override
    H2Files.Use fileUse() {
        throw new UnsupportedOperationException("Only an H2 file reports its use: " + location().describe());
    }

    @Override
    long closeCompacted() {
        throw new UnsupportedOperationException("Only an H2 file is compacted: " + location().describe());
    }

    /** The pool replaces broken connections itself: all there is to do is to say the server is out of reach. */
    @Override
    void reconnect(SQLException failure) {
        throw StoreErrors.translate(failure, location(), "reach");
    }
}
