package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.DayCursor;
import dev.tapewatch.market.ExchangeTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * H2's layout: one row per symbol-minute holding that minute's bars ({@link MinuteChunk}), the last two hours in
 * open tables and each complete hour moved once, in key order, into {@code bar_minutes} ({@link OpenHours}).
 */
final class MinuteChunkTable extends BarTable {
    /** Where stored minutes are: {@code bar_minutes}, and the open tables' rows not yet moved. */
    private static final List<Part> PARTS = Stream.concat(Stream.of(new Part("bar_minutes", null)),
            OpenHours.TABLES.stream().map(table -> new Part(table, OpenHours.CURRENT))).toList();

    /** Set by a write that moved hours: the open tables hold moved rows to clear once it commits. */
    private final AtomicReference<Boolean> movedFar = new AtomicReference<>();

    MinuteChunkTable() {
        super(PARTS, "SUM(bar_count)");
    }

    /**
     * Merges the bars into their stored minutes: one read and one write per symbol-minute, in key order (feeds
     * deliver bars interleaved by time; in key order the writes walk the index once). Hours the batch's newest minute
     * leaves complete move first.
     */
    @Override
    void write(Connection connection, List<Bar> bars) throws SQLException {
        Map<ChunkKey, List<Bar>> chunks = new TreeMap<>();
        long newest = Long.MIN_VALUE;
        for (Bar bar : bars) {
            long minute = MinuteChunk.minuteOf(bar.start());
            newest = Math.max(newest, minute);
            chunks.computeIfAbsent(new ChunkKey(bar.symbol(), minute), key -> new ArrayList<>(4)).add(bar);
        }
        if (chunks.isEmpty()) {
            return;
        }
        long openFrom = openFromMovingTo(connection, newest);
        DayCursor days = new DayCursor();
        Map<String, Statements> tables = new HashMap<>();
        try {
            for (Map.Entry<ChunkKey, List<Bar>> entry : chunks.entrySet()) {
                ChunkKey key = entry.getKey();
                String name = tableOf(key.minute(), openFrom);
                Statements table = tables.get(name);
                if (table == null) {
                    table = new Statements(connection, name);
                    tables.put(name, table);
                }
                byte[] merged = MinuteChunk.merge(table.read(key.symbol(), key.minute()), key.symbol(), key.minute(),
                        entry.getValue());
                table.upsert(key.symbol(), key.minute(), days.at(key.minute()).date(), merged);
            }
            for (Statements table : tables.values()) {
                table.upsert.executeBatch();
            }
        } finally {
            for (Statements table : tables.values()) {
                table.close();
            }
        }
    }

    /** The boundary of the open hours after moving those that a batch up to {@code newest} leaves complete. */
    private long openFromMovingTo(Connection connection, long newest) throws SQLException {
        long openFrom = OpenHours.openFrom(connection);
        long boundary = OpenHours.boundaryFor(openFrom, newest);
        if (boundary > openFrom) {
            OpenHours.advance(connection, openFrom, boundary);
            boolean far = boundary - openFrom >= 2 * OpenHours.HOUR;
            movedFar.accumulateAndGet(far, (was, now) -> was == null ? now : was || now);
        }
        return boundary;
    }

    /**
     * After a write committed: clears the rows it moved out of the open tables, if it moved any. Run under the
     * transaction lock, so that no write moves the boundary meanwhile.
     */
    void emptyMovedHours(Connection connection) throws SQLException {
        Boolean far = movedFar.getAndSet(null);
        if (far != null) {
            OpenHours.empty(connection, far);
        }
    }

    boolean movedHours() {
        return movedFar.get() != null;
    }

    private static String tableOf(long minute, long openFrom) {
        return minute < openFrom ? "bar_minutes" : OpenHours.tableOf(minute);
    }

    /** Rewrites the bar's minute without it; a minute left empty goes. */
    @Override
    void delete(Connection connection, String symbol, long start) throws SQLException {
        long minute = MinuteChunk.minuteOf(start);
        try (Statements table = new Statements(connection, tableOf(minute, OpenHours.openFrom(connection)))) {
            byte[] stored = table.read(symbol, minute);
            List<Bar> kept = stored == null ? null : MinuteChunk.without(stored, symbol, minute, start);
            if (kept == null) {
                return;
            }
            if (kept.isEmpty()) {
                table.delete(symbol, minute);
                return;
            }
            table.upsert(symbol, minute, ExchangeTime.dayOf(minute), MinuteChunk.encode(minute, kept));
            table.upsert.executeBatch();
        }
    }

    /** A symbol's chunks of [from's minute, to) from every table, in {@code order}. */
    private static PreparedStatement chunksOf(Connection connection, String symbol, long from, long to, String order)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(PARTS.stream()
                .map(part -> "SELECT minute_ms, bars FROM " + part.table() + part.where(true)
                        + " AND minute_ms >= ? AND minute_ms < ?")
                .collect(Collectors.joining(" UNION ALL ")) + " ORDER BY minute_ms " + order);
        for (int part = 0; part < PARTS.size(); part++) {
            statement.setString(3 * part + 1, symbol);
            statement.setLong(3 * part + 2, MinuteChunk.minuteOf(from));
            statement.setLong(3 * part + 3, to);
        }
        return statement;
    }

    @Override
    void forEach(Connection connection, String symbol, long from, long to, Consumer<Bar> consumer)
            throws SQLException {
        try (PreparedStatement statement = chunksOf(connection, symbol, from, to, "ASC")) {
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    MinuteChunk.read(symbol, rows.getLong(1), rows.getBytes(2), from, to, consumer);
                }
            }
        }
    }

    @Override
    List<Bar> last(Connection connection, String symbol, long from, long to, int count) throws SQLException {
        try (PreparedStatement statement = chunksOf(connection, symbol, from, to, "DESC")) {
            statement.setFetchSize(64);
            List<Bar> bars = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (bars.size() < count && rows.next()) {
                    long minute = rows.getLong(1);
                    List<Bar> chunk = MinuteChunk.decode(symbol, minute, rows.getBytes(2));
                    for (int i = chunk.size() - 1; i >= 0 && bars.size() < count; i--) {
                        long start = chunk.get(i).start();
                        if (start >= from && start < to) {
                            bars.add(chunk.get(i));
                        }
                    }
                }
            }
            return bars;
        }
    }

    /** Reads and writes of one table's chunks. */
    private static final class Statements implements AutoCloseable {
        private final PreparedStatement read;
        private final PreparedStatement upsert;
        private final Connection connection;
        private final String table;

        Statements(Connection connection, String table) throws SQLException {
            this.connection = connection;
            this.table = table;
            read = connection.prepareStatement("SELECT bars FROM " + table + " WHERE symbol = ? AND minute_ms = ?");
            try {
                upsert = connection.prepareStatement("MERGE INTO " + table + " (symbol, minute_ms, trade_date,"
                        + " bar_count, bars) KEY (symbol, minute_ms) VALUES (?, ?, ?, ?, ?)");
            } catch (SQLException e) {
                read.close();
                throw e;
            }
        }

        byte[] read(String symbol, long minute) throws SQLException {
            read.setString(1, symbol);
            read.setLong(2, minute);
            try (ResultSet rows = read.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }

        /** Adds the chunk's write to the batch. */
        void upsert(String symbol, long minute, LocalDate date, byte[] chunk) throws SQLException {
            upsert.setString(1, symbol);
            upsert.setLong(2, minute);
            upsert.setObject(3, date);
            upsert.setInt(4, MinuteChunk.count(chunk));
            upsert.setBytes(5, chunk);
            upsert.addBatch();
        }

        void delete(String symbol, long minute) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE symbol = ? AND minute_ms = ?")) {
                delete.setString(1, symbol);
                delete.setLong(2, minute);
                delete.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            try (read; upsert) {
                // closes both
            }
        }
    }

    private record ChunkKey(String symbol, long minute) implements Comparable<ChunkKey> {
        @Override
        public int compareTo(ChunkKey other) {
            int bySymbol = symbol.compareTo(other.symbol);
            return bySymbol != 0 ? bySymbol : Long.compare(minute, other.minute);
        }
    }
}
