package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How bars are laid out in one kind of database ({@link Database#bars}). The summaries (days, symbols, the count)
 * are the same queries over either layout: a row of a part holds {@code barCount} bars. Where bars lie in several
 * tables ({@link MinuteChunkTable}), each part is summed alone and the small results combined, in one statement:
 * summing a union of the tables made H2 copy every row first (25 s instead of 2.5 for a whole market's day).
 */
abstract sealed class BarTable permits MinuteChunkTable, PostgresBarTable {
    /** A table holding bars, with the condition its rows must meet to count (or null). */
    record Part(String table, String condition) {
        String where(boolean bySymbol) {
            String symbol = bySymbol ? "symbol = ?" : null;
            String both = condition == null ? symbol : symbol == null ? condition : condition + " AND " + symbol;
            return both == null ? "" : " WHERE " + both;
        }
    }

    private final List<Part> parts;
    private final String barCount;

    BarTable(List<Part> parts, String barCount) {
        this.parts = List.copyOf(parts);
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
        String perPart = parts.stream().map(part -> "SELECT symbol, trade_date, " + barCount + " AS bars FROM "
                + part.table() + part.where(symbol != null) + " GROUP BY symbol, trade_date")
                .collect(Collectors.joining(" UNION ALL "));
        try (PreparedStatement statement = connection.prepareStatement("SELECT symbol, trade_date, SUM(bars) FROM ("
                + perPart + ") days GROUP BY symbol, trade_date ORDER BY trade_date, symbol")) {
            for (int part = 1; symbol != null && part <= parts.size(); part++) {
                statement.setString(part, symbol);
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
        try (PreparedStatement statement = connection.prepareStatement(parts.stream()
                .map(part -> "SELECT DISTINCT symbol FROM " + part.table() + part.where(false))
                .collect(Collectors.joining(" UNION ")) + " ORDER BY 1");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                symbols.add(rows.getString(1));
            }
        }
        return symbols;
    }

    final long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + parts.stream()
                .map(part -> "(SELECT COALESCE(" + barCount + ", 0) FROM " + part.table() + part.where(false) + ")")
                .collect(Collectors.joining(" + ")));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
