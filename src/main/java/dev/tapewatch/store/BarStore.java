package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Bars, spikes and coverage spans over JDBC (an H2 file by default). Thread-safe: every call takes its
 * own pooled connection. Writes of bars are idempotent upserts keyed by (symbol, start).
 * <p>
 * "Stored" means on disk: {@link #writeDurably} returns only after the transaction is committed and H2 has
 * written it to the file (H2 otherwise writes commits in the background up to a second later, which a
 * {@code kill -9} loses). The database is never closed behind the caller's back: H2's own shutdown hook is
 * off ({@code DB_CLOSE_ON_EXIT=FALSE}) so a stopping process can still store what it holds, and after H2
 * closed the database itself (it does on a failed write, e.g. a full disk) {@link #recover} opens it again.
 */
public final class BarStore implements AutoCloseable {

    /** Whether opening may create a new database or must find an existing one. */
    public enum Mode { CREATE, EXISTING }

    private static final String BAR_COLUMNS = "symbol, start_ms, end_ms, open_price, high_price, low_price,"
            + " close_price, volume, vwap, accumulated_volume, day_open, day_vwap, avg_trade_size, otc, source";
    private static final String UPSERT_BAR = "MERGE INTO bars (" + BAR_COLUMNS + ", trade_date)"
            + " KEY (symbol, start_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int STATEMENT_BATCH = 5_000;

    private final StoreLocation location;
    private final String url;
    private volatile JdbcConnectionPool pool;

    private BarStore(StoreLocation location, String url, JdbcConnectionPool pool) {
        this.location = location;
        this.url = url;
        this.pool = pool;
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
        JdbcConnectionPool pool = connect(location, url);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            return new BarStore(location, url, pool);
        } catch (FlywayException e) {
            pool.dispose();
            SQLException cause = findSqlCause(e);
            if (cause != null) {
                throw StoreErrors.translate(cause, location, "open");
            }
            throw new StoreException("Cannot prepare the tables of database " + location.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A pool whose first connection has been opened: lock and corruption errors surface here with H2's codes. */
    private static JdbcConnectionPool connect(StoreLocation location, String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try (Connection ignored = pool.getConnection()) {
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translate(e, location, "open");
        }
    }

    /**
     * After a failed write: if the database no longer answers (H2 closes it on an I/O failure), opens it
     * again, so that a retry can succeed once the cause (a full disk) is gone. Throws while it cannot.
     */
    public synchronized void recover() {
        try (Connection connection = pool.getConnection();
             PreparedStatement ping = connection.prepareStatement("SELECT 1")) {
            ping.executeQuery().close();
            return;
        } catch (SQLException e) {
            // closed or broken: open it again below
        }
        JdbcConnectionPool old = pool;
        pool = connect(location, url);
        old.dispose();
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
        private PreparedStatement upsert;
        private int pending;
        private final TradeDates dates = new TradeDates();

        private Writes(Connection connection) {
            this.connection = connection;
        }

        public void upsert(Iterable<Bar> bars) throws SQLException {
            for (Bar bar : bars) {
                upsert(bar);
            }
            flushBatch();
        }

        /** Adds one bar to the transaction; statements are sent in batches. */
        public void upsert(Bar bar) throws SQLException {
            if (upsert == null) {
                upsert = connection.prepareStatement(UPSERT_BAR);
            }
            bindBar(upsert, bar, dates.of(bar.start()));
            upsert.addBatch();
            if (++pending == STATEMENT_BATCH) {
                flushBatch();
            }
        }

        private void flushBatch() throws SQLException {
            if (pending > 0) {
                upsert.executeBatch();
                pending = 0;
            }
        }

        /** Records a covered span; returns its id. */
        public long insertCoverage(Collection<String> symbols, long start, long end, String reason)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO coverage (symbols, start_ms, end_ms, end_reason) VALUES (?, ?, ?, ?)",
                    new String[] {"ID"})) {
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
            flushBatch();
            if (upsert != null) {
                upsert.close();
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
        query(action, connection -> {
            if (url.startsWith("jdbc:h2:")) {
                try (PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT")) {
                    checkpoint.execute();
                }
            }
            return null;
        });
        return result;
    }

    /** The exchange date of a time; remembers the last day, as bars come in runs of the same day. */
    private static final class TradeDates {
        private long dayStart = Long.MAX_VALUE;
        private long dayEnd = Long.MIN_VALUE;
        private LocalDate date;

        LocalDate of(long time) {
            if (time < dayStart || time >= dayEnd) {
                date = ExchangeTime.dayOf(time);
                dayStart = ExchangeTime.startOfDay(date);
                dayEnd = ExchangeTime.endOfDay(date);
            }
            return date;
        }
    }

    private static void bindBar(PreparedStatement statement, Bar bar, LocalDate tradeDate) throws SQLException {
        statement.setString(1, bar.symbol());
        statement.setLong(2, bar.start());
        statement.setLong(3, bar.end());
        statement.setDouble(4, bar.open());
        statement.setDouble(5, bar.high());
        statement.setDouble(6, bar.low());
        statement.setDouble(7, bar.close());
        statement.setDouble(8, bar.volume());
        statement.setDouble(9, bar.vwap());
        setOptional(statement, 10, bar.accumulatedVolume());
        setOptional(statement, 11, bar.dayOpen());
        setOptional(statement, 12, bar.dayVwap());
        setOptional(statement, 13, bar.averageTradeSize());
        statement.setBoolean(14, bar.otc());
        statement.setString(15, bar.source().id());
        statement.setObject(16, tradeDate);
    }

    private static void setOptional(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, java.sql.Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static double getOptional(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? Double.NaN : value;
    }

    /** Bars of a symbol with start in [from, to), in time order. */
    public List<Bar> bars(String symbol, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        forEachBar(symbol, from, to, bars::add);
        return bars;
    }

    /** The last {@code count} bars of a symbol with start in [from, to), newest first. */
    public List<Bar> lastBars(String symbol, long from, long to, int count) {
        return query("read bars from", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + BAR_COLUMNS
                    + " FROM bars WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms DESC"
                    + " FETCH FIRST ? ROWS ONLY")) {
                statement.setString(1, symbol);
                statement.setLong(2, from);
                statement.setLong(3, to);
                statement.setInt(4, count);
                List<Bar> bars = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        bars.add(readBar(rows));
                    }
                }
                return bars;
            }
        });
    }

    /** Streams bars of a symbol with start in [from, to) in time order, without holding them all. */
    public void forEachBar(String symbol, long from, long to, Consumer<Bar> consumer) {
        query("read bars from", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + BAR_COLUMNS
                    + " FROM bars WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms")) {
                statement.setString(1, symbol);
                statement.setLong(2, from);
                statement.setLong(3, to);
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(readBar(rows));
                    }
                }
            }
            return null;
        });
    }

    private static Bar readBar(ResultSet rows) throws SQLException {
        return new Bar(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getDouble(4),
                rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8), rows.getDouble(9),
                getOptional(rows, 10), getOptional(rows, 11), getOptional(rows, 12), getOptional(rows, 13),
                rows.getBoolean(14), Bar.Source.parse(rows.getString(15)));
    }

    /** Trading days (exchange dates) with their bar counts, for one symbol or for all when null. */
    public List<DayCount> days(String symbol) {
        String sql = "SELECT symbol, trade_date, COUNT(*) FROM bars"
                + (symbol == null ? "" : " WHERE symbol = ?")
                + " GROUP BY symbol, trade_date ORDER BY trade_date, symbol";
        return query("list days in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT DISTINCT symbol FROM bars ORDER BY symbol");
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

    private static void insertSpikes(Connection connection, Collection<Spike> spikes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("MERGE INTO spikes (symbol, start_ms,"
                + " end_ms, peak_ms, kind, peak_score, volume_multiple) KEY (symbol, start_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Spike spike : spikes) {
                statement.setString(1, spike.symbol());
                statement.setLong(2, spike.start());
                statement.setLong(3, spike.end());
                statement.setLong(4, spike.peakTime());
                statement.setString(5, spike.kind().name());
                statement.setDouble(6, spike.peakScore());
                statement.setDouble(7, spike.volumeMultiple());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Spikes of a symbol that start in [from, to), in time order. */
    public List<Spike> spikes(String symbol, long from, long to) {
        return query("read spikes from", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT symbol, start_ms, end_ms,"
                    + " peak_ms, kind, peak_score, volume_multiple FROM spikes"
                    + " WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms")) {
                statement.setString(1, symbol);
                statement.setLong(2, from);
                statement.setLong(3, to);
                List<Spike> spikes = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        spikes.add(new Spike(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                Spike.Kind.valueOf(rows.getString(5)), rows.getDouble(6), rows.getDouble(7)));
                    }
                }
                return spikes;
            }
        });
    }

    public long countBars() {
        return query("count bars in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM bars");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(String action, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
    }

    private <T> T inTransaction(String action, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
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
