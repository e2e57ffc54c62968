package dev.tapewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where H2 keeps a minute's chunk: the last two hours in tables of their own, each complete hour then moved once,
 * symbol by symbol, into {@code bar_minutes}. H2 keeps a table's rows in the order they were first inserted (the key
 * is composite), and a recorder inserts every symbol's minute, then the next minute: a symbol's day written straight
 * into one table lay in ~960 pages, mostly of other symbols' rows. Moved an hour at a time in key order, it lies in
 * ~16 runs. An open hour's table is emptied whole ({@code TRUNCATE}) once its hour has moved, so moving costs one
 * more write of each chunk, not the row-by-row deletion's copies of every chunk in H2's undo log.
 *
 * <p>Every minute before {@code bar_open_hours.open_from_ms} is in {@code bar_minutes}; a minute from it on is in
 * the open table of its hour ({@link #tableOf}: hour number mod 3), and only there. Writes keep every minute within
 * two hours of it by moving hours first ({@link #advance}); a move and the new boundary commit together. An open
 * table may still hold an hour already moved until it is emptied, so every read of an open table takes only minutes
 * from the boundary on, in the same statement ({@link #CURRENT}).
 */
final class OpenHours {
    static final long HOUR = 3_600_000;
    static final List<String> TABLES = List.of("bar_minutes_open_0", "bar_minutes_open_1", "bar_minutes_open_2");
    /** The condition that keeps an open table's rows of hours not yet moved. */
    static final String CURRENT = "minute_ms >= (SELECT open_from_ms FROM bar_open_hours)";

    private static final String COLUMNS = "symbol, minute_ms, trade_date, bar_count, bars";

    private OpenHours() {
    }

    /** The open table of a minute's hour. */
    static String tableOf(long minute) {
        return TABLES.get((int) Math.floorMod(Math.floorDiv(minute, HOUR), (long) TABLES.size()));
    }

    /** The first minute not yet moved into {@code bar_minutes}. */
    static long openFrom(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT open_from_ms FROM bar_open_hours");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The boundary a batch whose newest minute is {@code newest} needs: the start of the hour before that minute's,
     * so that every open minute lies in the two hours from it. It only moves forward.
     */
    static long boundaryFor(long openFrom, long newest) {
        return Math.max(openFrom, Math.floorDiv(newest, HOUR) * HOUR - HOUR);
    }

    /**
     * Moves the minutes in [{@code from}, {@code to}) from their open tables into {@code bar_minutes} in key order
     * and makes {@code to} the boundary, in the writing transaction. The moved rows stay in their open tables, out
     * of every read, until {@link #empty} clears them.
     */
    static void advance(Connection connection, long from, long to) throws SQLException {
        lazy(connection, true); // H2 would otherwise hold the whole hour's rows in memory before inserting them
        try {
            move(connection, from, to);
        } finally {
            lazy(connection, false);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE bar_open_hours SET open_from_ms = ?")) {
            update.setLong(1, to);
            update.executeUpdate();
        }
    }

    private static void lazy(Connection connection, boolean lazy) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("SET LAZY_QUERY_EXECUTION " + lazy);
        }
    }

    private static void move(Connection connection, long from, long to) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement move = connection.prepareStatement("INSERT INTO bar_minutes (" + COLUMNS + ")"
                    + " SELECT " + COLUMNS + " FROM " + table + " WHERE minute_ms >= ? AND minute_ms < ?"
                    + " ORDER BY symbol, minute_ms")) {
                move.setLong(1, from);
                move.setLong(2, to);
                move.executeUpdate();
            }
        }
    }

    /**
     * Clears the rows already moved out of the open tables, in a transaction of its own, after the move committed:
     * the table whose hours are all moved is emptied whole ({@code TRUNCATE}, which commits at once). Only a move
     * of two hours or more (a recorder started again the next day) leaves moved rows in the tables still in use:
     * with {@code farMove} they lose them one by one.
     */
    static void empty(Connection connection, boolean farMove) throws SQLException {
        long openFrom = openFrom(connection);
        List<String> live = List.of(tableOf(openFrom), tableOf(openFrom + HOUR));
        for (String table : TABLES) {
            if (!live.contains(table)) {
                try (Statement truncate = connection.createStatement()) {
                    truncate.execute("TRUNCATE TABLE " + table);
                }
            } else if (farMove) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE minute_ms < ?")) {
                    delete.setLong(1, openFrom);
                    delete.executeUpdate();
                }
            }
        }
        connection.commit();
    }
}
