package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.LogCapture;
import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's open hours ({@link OpenHours}): a recording in arrival order ends up with every complete hour moved into
 * {@code bar_minutes}, each symbol's hour in one run of rows, and every promise of the store kept across a move.
 */
class OpenHoursTest {
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "SPY");
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    /** A bar of every symbol every 20 s from 04:00 for {@code minutes}, one batch per market minute. */
    private static List<List<Bar>> recording(long from, int minutes, double price) {
        List<List<Bar>> batches = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            List<Bar> batch = new ArrayList<>();
            for (int s = 0; s < 60; s += 20) {
                for (String symbol : SYMBOLS) {
                    batch.add(bar(symbol, from + m * MINUTE + s * 1000L, price + m));
                }
            }
            batches.add(batch);
        }
        return batches;
    }

    private static Bar bar(String symbol, long start, double close) {
        return Bar.of(symbol, start, start + 1000, close, close + 1, close - 1, close, 100, close);
    }

    @Test
    void aRecordingKeepsTwoHoursOpenAndEveryBarReadsBackAcrossTheMoves() throws SQLException {
        long start = TestBars.at(4, 0, 0);
        List<List<Bar>> batches = recording(start, 5 * 60 + 30, 10); // 04:00-09:30
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            batches.forEach(store::upsert);
            assertEquals(330 * 3 * 3, store.countBars());
            for (String symbol : SYMBOLS) {
                List<Bar> expected = batches.stream().flatMap(List::stream).filter(b -> b.symbol().equals(symbol))
                        .toList();
                assertEquals(expected, store.bars(symbol, 0, Long.MAX_VALUE));
                List<Bar> newestFirst = new ArrayList<>(expected.subList(expected.size() - 5, expected.size()));
                java.util.Collections.reverse(newestFirst);
                assertEquals(newestFirst, store.lastBars(symbol, 0, Long.MAX_VALUE, 5));
            }
            assertEquals(List.of(new DayCount("AAPL", TestBars.DAY, 330 * 3)), store.days("AAPL"));
            assertEquals(SYMBOLS, store.symbols());
        }
        // the last batch's newest minute is 09:29: 08:00 on is open, every minute before it moved
        Map<String, Long> rows = rowsByTable();
        assertEquals(4L * 60 * 3, rows.get("bar_minutes"), "04:00-08:00 moved");
        assertEquals(90L * 3, rows.get("bar_minutes_open_0") + rows.get("bar_minutes_open_1")
                + rows.get("bar_minutes_open_2"), "08:00-09:30 open, and no moved row left behind");
        assertEquals(TestBars.at(8, 0, 0), boundary());
        // each symbol's hour lies in one run of rows, in minute order
        for (String symbol : SYMBOLS) {
            List<Long> rowIds = rowIds(symbol, TestBars.at(5, 0, 0), TestBars.at(6, 0, 0));
            assertEquals(60, rowIds.size());
            assertEquals(59, rowIds.get(59) - rowIds.get(0), symbol + "'s 05:00 hour in one run: " + rowIds);
        }
    }

    @Test
    void aBarOfAMovedMinuteReplacesOrDeletesWhatIsStoredAndTheNextDayMovesEveryOpenHour() throws SQLException {
        long start = TestBars.at(4, 0, 0);
        List<List<Bar>> batches = recording(start, 4 * 60, 10); // 04:00-08:00: 04:00-06:00 moved
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            batches.forEach(store::upsert);
            long moved = TestBars.at(4, 30, 20);
            Bar replacement = bar("SPY", moved, 99.5);
            store.upsert(List.of(replacement));
            store.writeDurably("delete", writes -> {
                writes.delete("SPY", moved + 20_000);
                return null;
            });
            assertEquals(List.of(replacement), store.bars("SPY", moved, moved + 1000));
            assertEquals(List.of(), store.bars("SPY", moved + 20_000, moved + 21_000));
            assertEquals(240 * 3 * 3 - 1, store.countBars());

            long nextDay = TestBars.at(4, 0, 0) + 24 * 60 * MINUTE;
            store.upsert(recording(nextDay, 1, 50).get(0));
            assertEquals(240 * 3 * 3 - 1 + 9, store.countBars());
            assertEquals(List.of(new DayCount("SPY", TestBars.DAY, 240 * 3 - 1),
                    new DayCount("SPY", LocalDate.of(2024, 1, 3), 3)), store.days("SPY"));
        }
        Map<String, Long> rows = rowsByTable();
        assertEquals(4L * 60 * 3, rows.get("bar_minutes"), "the whole first day moved");
        assertEquals(3L, rows.get("bar_minutes_open_0") + rows.get("bar_minutes_open_1")
                + rows.get("bar_minutes_open_2"), "only the next day's minute left open");
    }

    @Test
    void migrationEightRewritesStoredMinutesInKeyOrderCompactsTheFileAndOpensAfterTheNewest() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2")
                .javaMigrations(new V4__bar_minutes(), new V7__compact_minute_chunks()).target("7").load().migrate();
        List<List<Bar>> batches = recording(TestBars.at(4, 0, 0), 120, 10); // 04:00-06:00, in arrival order
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO bar_minutes (symbol, minute_ms,"
                     + " trade_date, bar_count, bars) VALUES (?, ?, DATE '2024-01-02', ?, ?)")) {
            for (List<Bar> batch : batches) {
                for (String symbol : SYMBOLS) {
                    List<Bar> bars = batch.stream().filter(bar -> bar.symbol().equals(symbol)).toList();
                    long minute = MinuteChunk.minuteOf(bars.get(0).start());
                    insert.setString(1, symbol);
                    insert.setLong(2, minute);
                    insert.setInt(3, bars.size());
                    insert.setBytes(4, MinuteChunk.encode(minute, bars));
                    insert.executeUpdate();
                }
            }
        }
        try (LogCapture logs = new LogCapture();
             BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.EXISTING)) {
            assertEquals(120 * 9, store.countBars());
            assertEquals(batches.stream().flatMap(List::stream).filter(bar -> bar.symbol().equals("MSFT")).toList(),
                    store.bars("MSFT", 0, Long.MAX_VALUE));
            assertEquals(1, logs.lines().stream().filter(line -> line.startsWith("Compacting ")
                    && line.endsWith(" after moving its bars to the new layout")).count(), "compacted once");
        }
        assertEquals(TestBars.at(6, 0, 0), boundary(), "open after the newest stored minute, 05:59");
        List<Long> rowIds = rowIds("MSFT", 0, Long.MAX_VALUE);
        assertEquals(119, rowIds.get(119) - rowIds.get(0), "MSFT's minutes in one run: " + rowIds);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";IFEXISTS=TRUE", "sa", "");
    }

    private Map<String, Long> rowsByTable() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = connect()) {
            for (String table : List.of("bar_minutes", "bar_minutes_open_0", "bar_minutes_open_1",
                    "bar_minutes_open_2")) {
                try (Statement select = connection.createStatement();
                     ResultSet count = select.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    private long boundary() throws SQLException {
        try (Connection connection = connect()) {
            return OpenHours.openFrom(connection);
        }
    }

    private List<Long> rowIds(String symbol, long from, long to) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT _ROWID_ FROM bar_minutes"
                     + " WHERE symbol = ? AND minute_ms >= ? AND minute_ms < ? ORDER BY minute_ms")) {
            select.setString(1, symbol);
            select.setLong(2, from);
            select.setLong(3, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
