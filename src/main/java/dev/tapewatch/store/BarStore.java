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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Bars, spikes and coverage spans over JDBC (an H2 file by default). Thread-safe: every call takes its
 * own pooled connection. Writes of bars are idempotent upserts keyed by (symbol, start).
 */
public final class BarStore implements AutoCloseable {

    /** Whether opening may create a new database or must find an existing one. */
    public enum Mode { CREATE, EXISTING }

    private static final String BAR_COLUMNS = "symbol, start_ms, end_ms, open_price, high_price, low_price,"
            + " close_price, volume, vwap, accumulated_volume, day_open, day_vwap, avg_trade_size, otc";
    private static final String UPSERT_BAR = "MERGE INTO bars (" + BAR_COLUMNS + ", trade_date)"
            + " KEY (symbol, start_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final StoreLocation location;
    private final JdbcConnectionPool pool;

    private BarStore(StoreLocation location, JdbcConnectionPool pool) {
        this.location = location;
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
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try {
            // Open one connection first: lock and corruption errors surface here with H2's own codes.
            try (Connection ignored = pool.getConnection()) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            }
            return new BarStore(location, pool);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreErrors.translate(e, location, "open");
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

    /** Inserts or replaces bars in one transaction: all are stored or none. */
    public void upsert(Collection<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        inTransaction("store bars in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_BAR)) {
                int pending = 0;
                TradeDates dates = new TradeDates();
                for (Bar bar : bars) {
                    bindBar(statement, bar, dates.of(bar.start()));
                    statement.addBatch();
                    if (++pending == 5_000) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
            return null;
        });
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
        statement.setDouble(10, bar.accumulatedVolume());
        statement.setDouble(11, bar.dayOpen());
        statement.setDouble(12, bar.dayVwap());
        statement.setDouble(13, bar.averageTradeSize());
        statement.setBoolean(14, bar.otc());
        statement.setObject(15, tradeDate);
    }

    /** Bars of a symbol with start in [from, to), in time order. */
    public List<Bar> bars(String symbol, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        forEachBar(symbol, from, to, bars::add);
        return bars;
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
                rows.getDouble(10), rows.getDouble(11), rows.getDouble(12), rows.getDouble(13),
                rows.getBoolean(14));
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

    /** Opens a coverage span: the recorder is connected and subscribed to these symbols from {@code start}. */
    public long beginCoverage(Collection<String> symbols, long start) {
        return inTransaction("record coverage in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO coverage (symbols, start_ms, end_ms) VALUES (?, ?, ?)",
                    new String[] {"ID"})) {
                statement.setString(1, String.join(",", symbols));
                statement.setLong(2, start);
                statement.setLong(3, start);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Moves an open span's end forward; with a reason, closes it. */
    public void extendCoverage(long id, long end, String endReason) {
        inTransaction("record coverage in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE coverage SET end_ms = GREATEST(end_ms, ?), end_reason = ? WHERE id = ?")) {
                statement.setLong(1, end);
                statement.setString(2, endReason);
                statement.setLong(3, id);
                statement.executeUpdate();
            }
            return null;
        });
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
                        spans.add(new CoverageSpan(rows.getLong(1), Arrays.asList(rows.getString(2).split(",")),
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

    /** Stores spikes as they close; one that starts where a stored one starts replaces it. */
    public void saveSpikes(Collection<Spike> spikes) {
        if (!spikes.isEmpty()) {
            inTransaction("store spikes in", connection -> {
                insertSpikes(connection, spikes);
                return null;
            });
        }
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
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
    }
}
