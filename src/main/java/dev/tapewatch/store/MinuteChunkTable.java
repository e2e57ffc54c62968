package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.DayCursor;
import dev.tapewatch.market.ExchangeTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** H2's layout: one row per symbol-minute holding that minute's bars ({@link MinuteChunk}). */
final class MinuteChunkTable extends BarTable {
    private static final String UPSERT = "MERGE INTO bar_minutes (symbol, minute_ms, trade_date, bar_count,"
            + " bars) KEY (symbol, minute_ms) VALUES (?, ?, ?, ?, ?)";
    private static final String READ = "SELECT bars FROM bar_minutes WHERE symbol = ? AND minute_ms = ?";

    MinuteChunkTable() {
        super("bar_minutes", "SUM(bar_count)");
    }

    /**
     * Merges the bars into their stored minutes: one read and one write per symbol-minute, in key order (feeds
     * deliver bars interleaved by time; in key order the writes walk the index once).
     */
    @Override
    void write(Connection connection, List<Bar> bars) throws SQLException {
        Map<ChunkKey, List<Bar>> chunks = new TreeMap<>();
        for (Bar bar : bars) {
            chunks.computeIfAbsent(new ChunkKey(bar.symbol(), MinuteChunk.minuteOf(bar.start())),
                    key -> new ArrayList<>(4)).add(bar);
        }
        DayCursor days = new DayCursor();
        try (PreparedStatement read = connection.prepareStatement(READ);
             PreparedStatement write = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<ChunkKey, List<Bar>> entry : chunks.entrySet()) {
                ChunkKey key = entry.getKey();
                read.setString(1, key.symbol());
                read.setLong(2, key.minute());
                byte[] stored = null;
                try (ResultSet rows = read.executeQuery()) {
                    if (rows.next()) {
                        stored = rows.getBytes(1);
                    }
                }
                byte[] merged = MinuteChunk.merge(stored, key.symbol(), key.minute(), entry.getValue());
                write.setString(1, key.symbol());
                write.setLong(2, key.minute());
                write.setObject(3, days.at(key.minute()).date());
                write.setInt(4, MinuteChunk.count(merged));
                write.setBytes(5, merged);
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    /** Rewrites the bar's minute without it; a minute left empty goes. */
    @Override
    void delete(Connection connection, String symbol, long start) throws SQLException {
        long minute = MinuteChunk.minuteOf(start);
        byte[] stored;
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, symbol);
            read.setLong(2, minute);
            try (ResultSet rows = read.executeQuery()) {
                stored = rows.next() ? rows.getBytes(1) : null;
            }
        }
        List<Bar> kept = stored == null ? null : MinuteChunk.without(stored, symbol, minute, start);
        if (kept == null) {
            return;
        }
        if (kept.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM bar_minutes WHERE symbol = ? AND minute_ms = ?")) {
                delete.setString(1, symbol);
                delete.setLong(2, minute);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement write = connection.prepareStatement(UPSERT)) {
            write.setString(1, symbol);
            write.setLong(2, minute);
            write.setObject(3, ExchangeTime.dayOf(minute));
            write.setInt(4, kept.size());
            write.setBytes(5, MinuteChunk.encode(minute, kept));
            write.executeUpdate();
        }
    }

    @Override
    void forEach(Connection connection, String symbol, long from, long to, Consumer<Bar> consumer)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT minute_ms, bars FROM bar_minutes"
                + " WHERE symbol = ? AND minute_ms >= ? AND minute_ms < ? ORDER BY minute_ms")) {
            statement.setString(1, symbol);
            statement.setLong(2, MinuteChunk.minuteOf(from));
            statement.setLong(3, to);
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
        try (PreparedStatement statement = connection.prepareStatement("SELECT minute_ms, bars FROM bar_minutes"
                + " WHERE symbol = ? AND minute_ms >= ? AND minute_ms < ? ORDER BY minute_ms DESC")) {
            statement.setString(1, symbol);
            statement.setLong(2, MinuteChunk.minuteOf(from));
            statement.setLong(3, to);
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

    private record ChunkKey(String symbol, long minute) implements Comparable<ChunkKey> {
        @Override
        public int compareTo(ChunkKey other) {
            int bySymbol = symbol.compareTo(other.symbol);
            return bySymbol != 0 ? bySymbol : Long.compare(minute, other.minute);
        }
    }
}
