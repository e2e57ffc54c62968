package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 7: minute chunks from fixed-width records ({@link FixedWidthChunk}, 87 bytes a bar) to
 * {@link MinuteChunk}'s encoding (about 14). Rewrites every row in key order, a slice of keys at a time (a
 * cursor is not held open over rows being updated); Flyway runs it in one transaction.
 */
@SuppressWarnings("checkstyle:TypeName") // Flyway reads the version from the name
final class V7__compact_minute_chunks extends BaseJavaMigration {
    private static final int SLICE = 5_000;

    private record Row(String symbol, long minute, byte[] bars) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement first = connection.prepareStatement("SELECT symbol, minute_ms, bars FROM bar_minutes"
                + " ORDER BY symbol, minute_ms LIMIT " + SLICE);
             PreparedStatement next = connection.prepareStatement("SELECT symbol, minute_ms, bars FROM bar_minutes"
                     + " WHERE symbol > ? OR (symbol = ? AND minute_ms > ?) ORDER BY symbol, minute_ms LIMIT " + SLICE);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE bar_minutes SET bars = ? WHERE symbol = ? AND minute_ms = ?")) {
            List<Row> slice = read(first);
            while (!slice.isEmpty()) {
                for (Row row : slice) {
                    List<Bar> bars = new ArrayList<>();
                    FixedWidthChunk.read(row.symbol(), row.minute(), row.bars(), Long.MIN_VALUE, Long.MAX_VALUE,
                            bars::add);
                    update.setBytes(1, MinuteChunk.encode(row.minute(), bars));
                    update.setString(2, row.symbol());
                    update.setLong(3, row.minute());
                    update.addBatch();
                }
                update.executeBatch();
                Row last = slice.get(slice.size() - 1);
                next.setString(1, last.symbol());
                next.setString(2, last.symbol());
                next.setLong(3, last.minute());
                slice = read(next);
            }
        }
    }

    private static List<Row> read(PreparedStatement query) throws SQLException {
        List<Row> rows = new ArrayList<>(SLICE);
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getLong(2), result.getBytes(3)));
            }
        }
        return rows;
    }
}
