package dev.tapewatch.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    @TempDir
    Path dir;

    private BarStore store(String name) {
        return BarStore.open(StoreLocation.ofFile(dir.resolve(name)), BarStore.Mode.CREATE);
    }

    private static long dayStart() {
        return ExchangeTime.startOfDay(TestBars.DAY);
    }

    private static long dayEnd() {
        return ExchangeTime.endOfDay(TestBars.DAY);
    }

    @Test
    void exportOfAKnownDayEqualsTheGoldenFile() throws Exception {
        try (BarStore store = store("db")) {
            store.upsert(TestBars.day("SPY", 20));
            store.upsert(TestBars.day("AAPL", 5));
            long t = TestBars.at(9, 30, 3);
            store.writeDurably("store spikes in", writes -> {
                writes.saveSpikes(List.of(new Spike("SPY", t, t + 2000, t, Spike.Kind.VOLUME, 5, 6)));
                return null;
            });
            Path out = dir.resolve("spy.csv");
            long rows = new CsvExport(store).toFile("SPY", dayStart(), dayEnd(), out, null);
            assertEquals(20, rows);
            byte[] golden;
            try (InputStream in = getClass().getResourceAsStream("/golden/SPY_2024-01-02.csv")) {
                golden = in.readAllBytes();
            }
            assertEquals(new String(golden, StandardCharsets.UTF_8), Files.readString(out));
            assertArrayEquals(golden, Files.readAllBytes(out));
            assertEquals(List.of("spy.csv"), listNames());
        }
    }

    @Test
    void importOfAnExportGivesBackTheSameBarsAndTheSameFile() throws Exception {
        List<Bar> bars = TestBars.day("BRK.B", 500);
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        try (BarStore source = store("a")) {
            source.upsert(bars);
            new CsvExport(source).toFile("BRK.B", dayStart(), dayEnd(), first, null);
        }
        try (BarStore target = store("b")) {
            assertEquals(500, new CsvImport(target).fromFile(first));
            assertEquals(bars.stream().map(bar -> bar.withSource(Bar.Source.IMPORT)).toList(),
                    target.bars("BRK.B", 0, Long.MAX_VALUE));
            new CsvExport(target).toFile("BRK.B", dayStart(), dayEnd(), second, null);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void streamsToAnOutputStreamWithTheHeaderOnlyWhenEmpty() throws Exception {
        try (BarStore store = store("db")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, new CsvExport(store).toStream("SPY", dayStart(), dayEnd(), out, null));
            assertEquals(String.join(",", BarCsv.HEADER) + "\r\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFailedExportLeavesNoFileAndKeepsThePreviousOne() throws Exception {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "previous");
        try (BarStore store = store("db")) {
            store.upsert(TestBars.day("SPY", 10));
            store.close(); // the export's reads now fail part-way
            assertThrows(RuntimeException.class,
                    () -> new CsvExport(store).toFile("SPY", dayStart(), dayEnd(), out, null));
        }
        assertEquals("previous", Files.readString(out));
        assertEquals(List.of("keep.csv"), listNames());
    }

    @Test
    void aMissingFolderIsNamed() {
        try (BarStore store = store("db")) {
            Path out = dir.resolve("no/such/folder/x.csv");
            Exception e = assertThrows(java.io.IOException.class,
                    () -> new CsvExport(store).toFile("SPY", dayStart(), dayEnd(), out, null));
            assertTrue(e.getMessage().contains(out.getParent().toString()), e.getMessage());
        }
    }

    @Test
    void importRejectsABadRowNamingLineAndColumnAndStoresNothing() throws Exception {
        Path csv = dir.resolve("bad.csv");
        try (BarStore store = store("db")) {
            store.upsert(TestBars.day("SPY", 3));
            new CsvExport(store).toFile("SPY", dayStart(), dayEnd(), csv, null);
        }
        List<String> lines = Files.readAllLines(csv);
        lines.set(3, lines.get(3).replaceFirst(",472\\.[0-9]+,", ",abc,"));
        Files.write(csv, lines);
        try (BarStore store = store("other")) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> new CsvImport(store).fromFile(csv));
            assertTrue(e.getMessage().contains("line 4"), e.getMessage());
            assertTrue(e.getMessage().contains("column open"), e.getMessage());
            assertEquals(0, store.countBars());
        }
    }

    @Test
    void formatsNumbersExactlyWithoutExponents() {
        assertEquals("0.00001", BarCsv.format(0.00001));
        assertEquals("123456789012345", BarCsv.format(123456789012345.0));
        assertEquals("12345678901234568", BarCsv.format(1.2345678901234568E16));
        assertEquals("100000000000000000000", BarCsv.format(1e20));
        assertEquals("472.601234567", BarCsv.format(472.601234567));
        assertEquals("0.1", BarCsv.format(0.1));
        assertEquals(0.1 + 0.2, Double.parseDouble(BarCsv.format(0.1 + 0.2)));
        assertEquals("'=SUM(A1)", BarCsv.guardText("=SUM(A1)"));
        assertEquals("SPY", BarCsv.guardText("SPY"));
    }

    private List<String> listNames() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".db")).sorted().toList();
        }
    }
}
