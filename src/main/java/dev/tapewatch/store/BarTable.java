package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How bars are laid out in one kind of database ({@link Database#bars}). The summaries (days, symbols, the count)
 * are the same queries over either table: a row of {@code table} holds {@code barCount} bars.
 */
abstract sealed class BarTable permits MinuteChunkTable, PostgresBarTable {
    private final String table;
    private final String barCount;

    BarTable(String table, String barCount) {
        this.table = table;
        this.barCount = barCount;
    }

    /** Writes bars (in arrival order: a later bar with the same symbol and start replaces an earlier one). */
    abstract void write(Connection connection, List<Bar> bars) throws SQLException;

    /** Deletes the bar of a symbol that starts at {@code start}, if stored. */
    abstract void delete(Connection connection, String symbol, long start) throws SQLException;

    /** Bars of a symbol with start in [from, to), in time order. */
    abstract void forEach(Connection connection, String symbol, long from, long to, Consumer<Bar> consumer)
            throws SQLException;

    /** The last {@code count} bars of a symbol with start in [from, to), newest first. */
    abstract List<Bar> last(Connection connection, String symbol, long from, long to, int count) throws SQLException;

    /** Trading days with their bar counts, of one symbol or of all when {@code symbol} is null. */
    final List<DayCount> days(Connection connection, String symbol) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT symbol, trade_date, " + barCount
                + " FROM " + table + (symbol != null ? " WHERE symbol = ?" : "")
                + " GROUP BY symbol, trade_date ORDER BY trade_date, symbol")) {
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
    }

    final List<String> symbols(Connection connection) throws SQLException {
        List<String> symbols = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT symbol FROM " + table + " ORDER BY symbol");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                symbols.add(rows.getString(1));
            }
        }
        return symbols;
    }

    final long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(" + barCount + ", 0) FROM " + table);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
