package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.FaultyDiskFilePath;
import dev.tapewatch.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a user makes at the command line must never damage a database or lose what is in it. */
class DamageTest {
    @TempDir
    Path dir;

    private Path database(String name, int bars) {
        Path db = dir.resolve(name);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.CREATE)) {
            store.upsert(TestBars.day("SPY", bars));
        }
        return dir.resolve(name + ".mv.db");
    }

    @Test
    void anExportAimedAtADatabaseIsRefusedByNameAndByHeader() throws Exception {
        Path file = database("tape", 30);
        CliTest.Run byName = CliTest.run("export", "--db", file.toString(), "--symbol", "SPY", "--date",
                TestBars.DAY.toString(), "--out", file.toString());
        assertEquals(1, byName.code(), byName.err());
        assertTrue(byName.err().contains("Refusing to write the CSV over " + file), byName.err());
        assertEquals("H:2,", new String(Files.readAllBytes(file), 0, 4, StandardCharsets.ISO_8859_1));

        Path renamed = dir.resolve("other-tape.bin");
        Files.copy(file, renamed);
        byte[] before = Files.readAllBytes(renamed);
        CliTest.Run byHeader = CliTest.run("export", "--db", file.toString(), "--symbol", "SPY", "--date",
                TestBars.DAY.toString(), "--out", renamed.toString());
        assertEquals(1, byHeader.code(), byHeader.err());
        assertTrue(byHeader.err().contains("an H2 database"), byHeader.err());
        assertArrayEquals(before, Files.readAllBytes(renamed));
        try (BarStore store = BarStore.open(StoreLocation.ofFile(file), BarStore.Mode.EXISTING)) {
            assertEquals(30, store.countBars());
        }
    }

    @Test
    void aByteOrderMarkAndLatin1TextAreNamedWithTheirLine() throws Exception {
        Path db = database("target", 5);
        Path csv = dir.resolve("spy.csv");
        CliTest.Run export = CliTest.run("export", "--db", db.toString(), "--symbol", "SPY", "--date",
                TestBars.DAY.toString(), "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        byte[] good = Files.readAllBytes(csv);

        Path bom = dir.resolve("bom.csv");
        byte[] withBom = new byte[good.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(good, 0, withBom, 3, good.length);
        Files.write(bom, withBom);
        CliTest.Run bomRun = CliTest.run("import", "--db", db.toString(), bom.toString());
        assertEquals(1, bomRun.code());
        assertTrue(bomRun.err().contains(bom + " line 1: the file starts with a byte-order mark"), bomRun.err());

        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(3, lines.get(3).replace("SPY", "SPY") + "é");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Run latinRun = CliTest.run("import", "--db", db.toString(), latin1.toString());
        assertEquals(1, latinRun.code());
        assertTrue(latinRun.err().contains(latin1 + " line 4: not UTF-8 text"), latinRun.err());
    }

    @Test
    void anImportOnAFullDiskStoresNothing() throws Exception {
        Path db = database("source", 40);
        Path csv = dir.resolve("spy.csv");
        assertEquals(0, CliTest.run("export", "--db", db.toString(), "--symbol", "SPY", "--date",
                TestBars.DAY.toString(), "--out", csv.toString()).code());
        String url = FaultyDiskFilePath.url(dir.resolve("full"));
        try (BarStore store = BarStore.open(StoreLocation.parse(url), BarStore.Mode.CREATE)) {
            store.upsert(TestBars.day("AAPL", 3));
        }
        FaultyDiskFilePath.setFull(true);
        try {
            CliTest.Run run = CliTest.run("import", "--db", url, csv.toString());
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().contains("the disk is full"), run.err());
        } finally {
            FaultyDiskFilePath.setFull(false);
        }
        try (BarStore store = BarStore.open(StoreLocation.parse(url), BarStore.Mode.CREATE)) {
            assertEquals(3, store.countBars(), "all or nothing: only what was there before");
        }
    }

    @Test
    void aSpeedThatIsNotAFiniteNumberInRangeIsABadArgument() {
        for (String speed : List.of("Infinity", "1e12", "NaN", "-1", "10001")) {
            CliTest.Run run = CliTest.run("record", "--symbols", "SPY", "--speed", speed, "--db",
                    dir.resolve("x").toString(), "--duration", "1s");
            assertEquals(2, run.code(), speed + ": " + run.err());
            assertTrue(run.err().contains("--speed must be a number from 0"), run.err());
        }
    }

    @Test
    void coverageHoldsFiveThousandSymbols() {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            symbols.add("S" + Integer.toString(i, 36).toUpperCase());
        }
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("wide")), BarStore.Mode.CREATE)) {
            store.addCoverage(symbols, TestBars.at(9, 30, 0), TestBars.at(10, 0, 0), "stopped");
            List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
            assertEquals(symbols, spans.get(0).symbols());
        }
    }

    @Test
    void recordingOntoAFullDiskExitsOneAndCountsEveryBarItCouldNotStore() throws Exception {
        String url = FaultyDiskFilePath.url(dir.resolve("full-record"));
        BarStore.open(StoreLocation.parse(url), BarStore.Mode.CREATE).close();
        FaultyDiskFilePath.setFull(true);
        CliTest.Run run;
        try {
            run = CliTest.run("record", "--symbols", "SPY,AAPL", "--duration", "2s", "--speed", "20", "--start",
                    "2024-01-02T10:00", "--db", url, "--no-backfill", "--status-every", "500ms");
        } finally {
            FaultyDiskFilePath.setFull(false);
        }
        assertEquals(1, run.code(), run.out() + run.err());
        java.util.regex.Matcher last = java.util.regex.Pattern.compile("Stored 0 bars \\((\\d+) received")
                .matcher(run.out());
        assertTrue(last.find(), run.out());
        long received = Long.parseLong(last.group(1));
        assertTrue(received > 0, run.out());
        assertTrue(run.err().contains(received + " bars could not be stored: "), run.err());
        assertTrue(run.err().contains("the disk is full"), run.err());
        assertTrue(run.out().contains("NOT STORING: "), run.out());
        try (BarStore store = BarStore.open(StoreLocation.parse(url), BarStore.Mode.CREATE)) {
            assertEquals(0, store.countBars());
            assertEquals(List.of(), store.coverage(0, Long.MAX_VALUE), "no span claims the lost bars");
        }
    }

    @Test
    void coveragePrintsTheSpansHowEachEndedAndTheGaps() {
        Path db = dir.resolve("covered");
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.CREATE)) {
            store.upsert(TestBars.day("SPY", 5));
            store.addCoverage(List.of("SPY", "AAPL"), TestBars.at(9, 30, 0), TestBars.at(10, 0, 0),
                    "disconnected: closed by server (1006)");
            store.addCoverage(List.of("SPY"), TestBars.at(10, 2, 30), TestBars.at(11, 0, 0), "stopped");
        }
        CliTest.Run run = CliTest.run("coverage", "--db", db.toString(), "--date", TestBars.DAY.toString(),
                "--symbol", "SPY");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("09:30:00 – 10:00:00  disconnected: closed by server (1006)"), run.out());
        assertTrue(run.out().contains("10:02:30 – 11:00:00  stopped"), run.out());
        assertTrue(run.out().contains("Gaps of SPY: 10:00:00 – 10:02:30"), run.out());
    }
}
