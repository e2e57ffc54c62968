package dev.tapewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The alert log's rows: an alert's market time, symbol and JSON body (the store does not read the body). */
final class AlertLogRows {
    private AlertLogRows() {
    }

    static void insert(Connection connection, long time, String symbol, String body) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO alert_log (time_ms, symbol, body) VALUES (?, ?, ?)")) {
            statement.setLong(1, time);
            statement.setString(2, symbol);
            statement.setString(3, body);
            statement.executeUpdate();
        }
    }

    /** Bodies of the alerts in [from, to), newest first. */
    static List<String> read(Connection connection, long from, long to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT body FROM alert_log WHERE time_ms >= ? AND time_ms < ? ORDER BY time_ms DESC, id DESC")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            List<String> bodies = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }
    }

    static int delete(Connection connection, long from, long to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM alert_log WHERE time_ms >= ? AND time_ms < ?")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            return statement.executeUpdate();
        }
    }
}
