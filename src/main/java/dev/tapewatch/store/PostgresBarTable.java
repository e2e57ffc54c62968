package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * PostgreSQL's layout: one row per bar in {@code bars}, partitioned by trading day (see the V1 migration).
 * Writes are batched {@code INSERT … ON CONFLICT DO UPDATE}, which the driver sends as multi-row statements
 * ({@code reWriteBatchedInserts}, set by {@link PostgresConnections}).
 */
final class PostgresBarTable extends BarTable {
    private static final String COLUMNS = "start_ms, end_ms, open_price, high_price, low_price, close_price, volume,"
            + " vwap, accumulated_volume, day_open, day_vwap, avg_trade_size, otc, source";
    private static final String UPSERT = "INSERT INTO bars (symbol, trade_date, " + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, start_ms) DO UPDATE SET"
            + " end_ms = EXCLUDED.end_ms, open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price,"
            + " low_price = EXCLUDED.low_price, close_price = EXCLUDED.close_price, volume = EXCLUDED.volume,"
            + " vwap = EXCLUDED.vwap, accumulated_volume = EXCLUDED.accumulated_volume,"
            + " day_open = EXCLUDED.day_open, day_vwap = EXCLUDED.day_vwap,"
            + " avg_trade_size = EXCLUDED.avg_trade_size, otc = EXCLUDED.otc, source = EXCLUDED.source";
    private static final DateTimeFormatter PARTITION_NAME = DateTimeFormatter.ofPattern("'bars_'yyyy_MM_dd");
    private static final String DUPLICATE_TABLE = "42P07";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    /** Days whose partition is known to exist. */
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    PostgresBarTable(DataSource dataSource) {
        super(List.of(new Part("bars", null)), "COUNT(*)");
        this.dataSource = dataSource;
    }

    @Override
    void write(Connection connection, List<Bar> bars) throws SQLException {
        // one statement may not touch a row twice: keep the last bar of each start
        Map<BarKey, Bar> latest = new LinkedHashMap<>();
        Set<LocalDate> days = new TreeSet<>();
        for (Bar bar : bars) {
            latest.remove(new BarKey(bar.symbol(), bar.start()));
            latest.put(new BarKey(bar.symbol(), bar.start()), bar);
        }
        List<Bar> rows = new ArrayList<>(latest.values());
        List<LocalDate> rowDays = new ArrayList<>(rows.size());
        for (Bar bar : rows) {
            LocalDate day = ExchangeTime.dayOf(bar.start());
            rowDays.add(day);
            days.add(day);
        }
        createPartitions(days);
        try (PreparedStatement insert = connection.prepareStatement(UPSERT)) {
            for (int i = 0; i < rows.size(); i++) {
                Bar bar = rows.get(i);
                insert.setString(1, bar.symbol());
                insert.setObject(2, rowDays.get(i));
                insert.setLong(3, bar.start());
                insert.setLong(4, bar.end());
                insert.setDouble(5, bar.open());
                insert.setDouble(6, bar.high());
                insert.setDouble(7, bar.low());
                insert.setDouble(8, bar.close());
                insert.setDouble(9, bar.volume());
                insert.setDouble(10, bar.vwap());
                setOptional(insert, 11, bar.accumulatedVolume());
                setOptional(insert, 12, bar.dayOpen());
                setOptional(insert, 13, bar.dayVwap());
                setOptional(insert, 14, bar.averageTradeSize());
                insert.setBoolean(15, bar.otc());
                insert.setString(16, bar.source().id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    void delete(Connection connection, String symbol, long start) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM bars WHERE symbol = ? AND start_ms = ?")) {
            delete.setString(1, symbol);
            delete.setLong(2, start);
            delete.executeUpdate();
        }
    }

    /**
     * Creates missing day partitions, each in its own short transaction: creating one locks the parent table
     * exclusively, which must not last as long as the batch (readers would wait for it).
     */
    private void createPartitions(Set<LocalDate> days) throws SQLException {
        for (LocalDate day : days) {
            if (partitions.contains(day)) {
                continue;
            }
            try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
                connection.setAutoCommit(true);
                ddl.execute("CREATE TABLE IF NOT EXISTS " + PARTITION_NAME.format(day) + " PARTITION OF bars"
                        + " FOR VALUES FROM (" + ExchangeTime.startOfDay(day) + ") TO (" + ExchangeTime.endOfDay(day) + ")");
            } catch (SQLException e) {
                // another writer created it between our check and our statement
                if (!DUPLICATE_TABLE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            partitions.add(day);
        }
    }

    private static void setOptional(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Streams in a transaction: only then does the driver fetch rows in portions instead of all at once. */
    @Override
    void forEach(Connection connection, String symbol, long from, long to, Consumer<Bar> consumer)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM bars"
                + " WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms")) {
            statement.setString(1, symbol);
            statement.setLong(2, from);
            statement.setLong(3, to);
            statement.setFetchSize(5_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(bar(symbol, rows));
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    List<Bar> last(Connection connection, String symbol, long from, long to, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM bars"
                + " WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms DESC LIMIT ?")) {
            statement.setString(1, symbol);
            statement.setLong(2, from);
            statement.setLong(3, to);
            statement.setInt(4, count);
            List<Bar> bars = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bars.add(bar(symbol, rows));
                }
            }
            return bars;
        }
    }

    private static Bar bar(String symbol, ResultSet rows) throws SQLException {
        return new Bar(symbol, rows.getLong(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4),
                rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8), optional(rows, 9),
                optional(rows, 10), optional(rows, 11), optional(rows, 12), rows.getBoolean(13),
                Bar.Source.parse(rows.getString(14)));
    }

    private static double optional(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? Double.NaN : value;
    }

    private record BarKey(String symbol, long start) {
    }
}
