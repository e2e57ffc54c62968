package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 4: one row per symbol-minute ({@link FixedWidthChunk}) instead of one per second. Moves every stored bar
 * across in one pass in key order, then drops the old table; Flyway runs it in one transaction.
 */
@SuppressWarnings("checkstyle:TypeName") // Flyway reads the version from the name
final class V4__bar_minutes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE bar_minutes ("
                    + " symbol     VARCHAR(16) NOT NULL,"
                    + " minute_ms  BIGINT      NOT NULL,"
                    + " trade_date DATE        NOT NULL,"
                    + " bar_count  INT         NOT NULL,"
                    + " bars       VARBINARY   NOT NULL,"
                    + " PRIMARY KEY (symbol, minute_ms))");
        }
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("INSERT INTO bar_minutes"
                     + " (symbol, minute_ms, trade_date, bar_count, bars) VALUES (?, ?, ?, ?, ?)")) {
            read.setFetchSize(10_000);
            try (ResultSet rows = read.executeQuery("SELECT symbol, start_ms, end_ms, open_price, high_price,"
                    + " low_price, close_price, volume, vwap, accumulated_volume, day_open, day_vwap,"
                    + " avg_trade_size, otc, source, trade_date FROM bars ORDER BY symbol, start_ms")) {
                List<Bar> minuteBars = new ArrayList<>();
                String symbol = null;
                long minute = Long.MIN_VALUE;
                java.sql.Date date = null;
                int batched = 0;
                while (rows.next()) {
                    String rowSymbol = rows.getString(1);
                    long rowMinute = FixedWidthChunk.minuteOf(rows.getLong(2));
                    if (!rowSymbol.equals(symbol) || rowMinute != minute) {
                        batched += add(write, symbol, minute, date, minuteBars);
                        symbol = rowSymbol;
                        minute = rowMinute;
                        date = rows.getDate(16);
                    }
                    minuteBars.add(new Bar(rowSymbol, rows.getLong(2), rows.getLong(3), rows.getDouble(4),
                            rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8),
                            rows.getDouble(9), optional(rows, 10), optional(rows, 11), optional(rows, 12),
                            optional(rows, 13), rows.getBoolean(14), Bar.Source.parse(rows.getString(15))));
                    if (batched >= 1_000) {
                        write.executeBatch();
                        batched = 0;
                    }
                }
                add(write, symbol, minute, date, minuteBars);
                write.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE bars");
        }
    }

    private static int add(PreparedStatement write, String symbol, long minute, java.sql.Date date, List<Bar> bars)
            throws SQLException {
        if (bars.isEmpty()) {
            return 0;
        }
        byte[] chunk = FixedWidthChunk.merge(null, minute, bars);
        write.setString(1, symbol);
        write.setLong(2, minute);
        write.setDate(3, date);
        write.setInt(4, FixedWidthChunk.count(chunk));
        write.setBytes(5, chunk);
        write.addBatch();
        bars.clear();
        return 1;
    }

    private static double optional(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? Double.NaN : value;
    }
}
