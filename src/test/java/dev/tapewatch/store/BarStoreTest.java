package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarStoreTest {
    @TempDir
    Path dir;

    private BarStore create() {
        return BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE);
    }

    @Test
    void storesAndReadsBackEveryField() {
        Bar bar = new Bar("BRK.B", 1_704_205_800_000L, 1_704_205_801_000L, 350.01, 350.25, 349.875, 350.1,
                1234.5, 350.0625, 9_876_543.25, 349.5, 350.123456789, 17.25, true);
        try (BarStore store = create()) {
            store.upsert(List.of(bar));
            assertEquals(List.of(bar), store.bars("BRK.B", bar.start(), bar.end()));
        }
        // and after reopening the file
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db.mv.db")), BarStore.Mode.EXISTING)) {
            assertEquals(List.of(bar), store.bars("BRK.B", 0, Long.MAX_VALUE));
        }
    }

    @Test
    void aResentBarReplacesTheStoredOne() {
        List<Bar> day = TestBars.day("SPY", 50);
        Bar original = day.get(7);
        Bar replacement = new Bar("SPY", original.start(), original.end(), original.open(), original.high() + 1,
                original.low(), original.close(), original.volume() + 300, original.vwap(), 1, 2, 3, 4, false);
        try (BarStore store = create()) {
            store.upsert(day);
            store.upsert(List.of(replacement));
            List<Bar> stored = store.bars("SPY", 0, Long.MAX_VALUE);
            assertEquals(50, stored.size());
            assertEquals(replacement, stored.get(7));
            assertEquals(1, store.countBars() - 49);
        }
    }

    @Test
    void rangeQueriesAreHalfOpenAndOrdered() {
        List<Bar> day = TestBars.day("SPY", 40);
        try (BarStore store = create()) {
            List<Bar> reversed = new java.util.ArrayList<>(day);
            java.util.Collections.reverse(reversed);
            store.upsert(reversed);
            List<Bar> middle = store.bars("SPY", day.get(5).start(), day.get(15).start());
            assertEquals(day.subList(5, 15), middle);
        }
    }

    @Test
    void listsDaysInTheExchangeZoneAndSymbols() {
        // 2024-01-02 23:30 ET is already 2024-01-03 in UTC: it still belongs to the 2nd.
        long lateEvening = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), java.time.LocalTime.of(23, 30));
        try (BarStore store = create()) {
            store.upsert(TestBars.day("SPY", 30));
            store.upsert(TestBars.day("AAPL", 12));
            store.upsert(List.of(Bar.of("SPY", lateEvening, lateEvening + 1000, 1, 1, 1, 1, 5, 1)));
            assertEquals(List.of(new DayCount("AAPL", TestBars.DAY, 12), new DayCount("SPY", TestBars.DAY, 31)),
                    store.days(null));
            assertEquals(List.of(new DayCount("SPY", TestBars.DAY, 31)), store.days("SPY"));
            assertEquals(List.of("AAPL", "SPY"), store.symbols());
        }
    }

    @Test
    void coverageSpansAreRecordedAndQueriedByOverlap() {
        long nine = TestBars.at(9, 0, 0);
        try (BarStore store = create()) {
            long first = store.addCoverage(List.of("SPY", "AAPL"), nine, nine + 120_000,
                    "disconnected: server closed (1006)");
            long second = store.addCoverage(List.of("SPY"), nine + 180_000, nine + 240_000, "stopped");
            List<CoverageSpan> spans = store.coverage(ExchangeTime.startOfDay(TestBars.DAY),
                    ExchangeTime.endOfDay(TestBars.DAY));
            assertEquals(List.of(
                    new CoverageSpan(first, List.of("SPY", "AAPL"), nine, nine + 120_000,
                            "disconnected: server closed (1006)"),
                    new CoverageSpan(second, List.of("SPY"), nine + 180_000, nine + 240_000, "stopped")), spans);
            assertEquals(1, store.coverage(nine + 200_000, nine + 210_000).size());
            assertEquals(0, store.coverage(nine + 130_000, nine + 170_000).size());
        }
    }

    @Test
    void spikesAreSavedReplacedAndListed() {
        long t = TestBars.at(10, 0, 0);
        Spike a = new Spike("SPY", t, t + 3000, t + 1000, Spike.Kind.BOTH, 9.5, 12.25);
        Spike b = new Spike("SPY", t + 60_000, t + 61_000, t + 60_000, Spike.Kind.VOLUME, 4.5, 6);
        try (BarStore store = create()) {
            store.writeDurably("store spikes in", writes -> {
                writes.saveSpikes(List.of(a, b));
                return null;
            });
            assertEquals(List.of(a, b), store.spikes("SPY", 0, Long.MAX_VALUE));
            Spike rescored = new Spike("SPY", t, t + 2000, t, Spike.Kind.VOLUME, 5, 7);
            store.replaceSpikes("SPY", t, t + 3_600_000, List.of(rescored));
            assertEquals(List.of(rescored), store.spikes("SPY", 0, Long.MAX_VALUE));
        }
    }

    @Test
    void migratesFromEmptyAndFromTheFirstVersionKeepingBars() throws Exception {
        Path file = dir.resolve("old");
        String url = "jdbc:h2:file:" + file;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("INSERT INTO bars VALUES ('SPY', 1704205800000, 1704205801000, DATE '2024-01-02',"
                    + " 1, 2, 0.5, 1.5, 10, 1.2, 10, 1, 1.2, 2, FALSE)");
        }
        try (BarStore store = BarStore.open(StoreLocation.ofFile(file), BarStore.Mode.EXISTING)) {
            long t = 1_704_205_800_000L;
            assertEquals(List.of(new Bar("SPY", t, t + 1000, 1, 2, 0.5, 1.5, 10, 1.2, 10, 1, 1.2, 2, false)),
                    store.bars("SPY", 0, Long.MAX_VALUE));
            store.writeDurably("store spikes in", writes -> {
                writes.saveSpikes(List.of(new Spike("SPY", t, t + 1000, t, Spike.Kind.PRICE, 5, 1)));
                return null;
            });
            assertEquals(1, store.spikes("SPY", 0, Long.MAX_VALUE).size());
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet versions = connection.createStatement().executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                             + " ORDER BY \"installed_rank\"")) {
            versions.next();
            assertEquals("1", versions.getString(1));
            versions.next();
            assertEquals("2", versions.getString(1));
            versions.next();
            assertEquals("3", versions.getString(1));
            versions.next();
            assertEquals("4", versions.getString(1));
        }
    }

    @Test
    void migratesRowsOfVersionThreeIntoMinuteChunksExactly() throws Exception {
        Path file = dir.resolve("v3");
        String url = "jdbc:h2:file:" + file;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        List<Bar> spy = TestBars.day("SPY", 150); // two and a half minutes
        long t = spy.get(0).start();
        Bar rest = Bar.of("AAPL", t + 61_000, t + 62_000, 10, 11, 9, 10.5, 700, 10.25).withSource(Bar.Source.REST);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO bars (symbol, start_ms,"
                     + " end_ms, trade_date, open_price, high_price, low_price, close_price, volume, vwap,"
                     + " accumulated_volume, day_open, day_vwap, avg_trade_size, otc, source)"
                     + " VALUES (?, ?, ?, DATE '2024-01-02', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Bar bar : concat(spy, List.of(rest))) {
                insert.setString(1, bar.symbol());
                insert.setLong(2, bar.start());
                insert.setLong(3, bar.end());
                double[] values = {bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), bar.vwap(),
                        bar.accumulatedVolume(), bar.dayOpen(), bar.dayVwap(), bar.averageTradeSize()};
                for (int i = 0; i < values.length; i++) {
                    if (Double.isNaN(values[i])) {
                        insert.setNull(4 + i, java.sql.Types.DOUBLE);
                    } else {
                        insert.setDouble(4 + i, values[i]);
                    }
                }
                insert.setBoolean(14, bar.otc());
                insert.setString(15, bar.source().id());
                insert.executeUpdate();
            }
        }
        try (BarStore store = BarStore.open(StoreLocation.ofFile(file), BarStore.Mode.EXISTING)) {
            assertEquals(spy, store.bars("SPY", 0, Long.MAX_VALUE));
            assertEquals(List.of(rest), store.bars("AAPL", 0, Long.MAX_VALUE));
            assertEquals(151, store.countBars());
            assertEquals(List.of(new DayCount("AAPL", TestBars.DAY, 1), new DayCount("SPY", TestBars.DAY, 150)),
                    store.days(null));
        }
    }

    private static List<Bar> concat(List<Bar> a, List<Bar> b) {
        List<Bar> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void batchesMergeIntoStoredMinutesLastWriteWinning() {
        List<Bar> day = TestBars.day("SPY", 180);
        try (BarStore store = create()) {
            store.upsert(day.subList(0, 100));
            Bar first = day.get(70);
            Bar second = new Bar("SPY", first.start(), first.end(), first.open(), first.high() + 2, first.low(),
                    first.close(), 42, first.vwap(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, true,
                    Bar.Source.REST);
            Bar third = second.withSource(Bar.Source.IMPORT);
            // one transaction: later bars of the same minute, a replacement twice over, older bars out of order
            List<Bar> batch = concat(List.of(second), day.subList(100, 180));
            batch = concat(batch, List.of(third, day.get(3)));
            store.upsert(batch);
            List<Bar> expected = new java.util.ArrayList<>(day);
            expected.set(70, third);
            assertEquals(expected, store.bars("SPY", 0, Long.MAX_VALUE));
            assertEquals(180, store.countBars());
            assertEquals(List.of(day.get(179), day.get(178), day.get(177)),
                    store.lastBars("SPY", 0, Long.MAX_VALUE, 3));
            assertEquals(day.subList(59, 61), store.bars("SPY", day.get(59).start(), day.get(61).start()));
        }
    }

    @Test
    void aMissingDatabaseIsNamedAndNotCreated() {
        Path missing = dir.resolve("nowhere/x");
        StoreException e = assertThrows(StoreException.class,
                () -> BarStore.open(StoreLocation.ofFile(missing), BarStore.Mode.EXISTING));
        assertTrue(e.getMessage().contains(missing + ".mv.db"), e.getMessage());
        assertTrue(!Files.exists(missing.getParent()));
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws Exception {
        Path blocker = Files.writeString(dir.resolve("plain-file"), "not a folder");
        StoreException e = assertThrows(StoreException.class,
                () -> BarStore.open(StoreLocation.ofFile(blocker.resolve("db")), BarStore.Mode.CREATE));
        assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--db"), e.getMessage());
    }

    @Test
    void aCorruptFileGetsAClearMessageAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("bad.mv.db");
        byte[] garbage = "this is not an H2 database, just some text that happens to be here".repeat(100).getBytes();
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class,
                () -> BarStore.open(StoreLocation.ofFile(file), BarStore.Mode.EXISTING));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertEquals(garbage.length, Files.size(file));
    }
}
