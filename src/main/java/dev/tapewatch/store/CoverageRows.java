package dev.tapewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The coverage table's rows: spans of time recorded for a set of symbols, and how each ended. */
final class CoverageRows {
    private CoverageRows() {
    }

    /** Records a covered span; returns its id. */
    static long insert(Connection connection, Collection<String> symbols, long start, long end, String reason)
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

    /** Sets a span's end and how it ended (null: still open). */
    static void update(Connection connection, long id, long end, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE coverage SET end_ms = ?, end_reason = ? WHERE id = ?")) {
            statement.setLong(1, end);
            statement.setString(2, reason);
            statement.setLong(3, id);
            statement.executeUpdate();
        }
    }

    /** Spans overlapping [from, to), in start order. */
    static List<CoverageSpan> read(Connection connection, long from, long to) throws SQLException {
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
    }
}
