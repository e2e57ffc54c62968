package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.ChildJvm;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} in a real child JVM, stopped the ways a machine stops programs. */
class RecordProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern STORED = Pattern.compile("stored (\\d+) ");
    private static final Pattern FINAL = Pattern.compile("^Stored (\\d+) bars \\((\\d+) received");
    private static final Pattern COMPACTING = Pattern.compile("^Compacting .* \\((\\d+) bars stored\\)");

    @TempDir
    Path dir;

    private ChildJvm record(Path db) throws Exception {
        return ChildJvm.start(dir.resolve("home"), List.of(), "record", "--symbols", "SPY,AAPL,MSFT,NVDA,TSLA",
                "--speed", "200", "--start", "2024-01-02T10:00", "--db", db.toString(), "--status-every", "100ms",
                "--no-backfill");
    }

    private static long storedIn(String statusLine) {
        Matcher matcher = STORED.matcher(statusLine);
        assertTrue(matcher.find(), statusLine);
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void sigtermStoresEveryReceivedBarClosesTheSpanAndExitsZero() throws Exception {
        Path db = dir.resolve("term");
        try (ChildJvm child = record(db)) {
            child.awaitLine(WAIT, "a status line with bars stored", line -> line.contains("stored ")
                    && storedIn(line) >= 500);
            child.terminate();
            assertEquals(0, child.awaitExit(WAIT), child.err());
            String last = child.out().get(child.out().size() - 1);
            Matcher matcher = FINAL.matcher(last);
            assertTrue(matcher.find(), "final line: " + last + "\n" + child.err());
            long stored = Long.parseLong(matcher.group(1));
            assertEquals(Long.parseLong(matcher.group(2)), stored, "every received bar is stored: " + last);
            try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
                assertEquals(stored, store.countBars());
                List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
                assertEquals(1, spans.size(), spans.toString());
                assertEquals("stopped", spans.get(0).endReason());
            }
            assertTrue(!child.err().contains("already closed"), child.err());
        }
    }

    @Test
    void killMinusNineWhileTheStoppingRecorderCompactsItsFileLosesNoStoredBar() throws Exception {
        Path db = dir.resolve("compact");
        Path copy = dir.resolve("compact.mv.db.tempFile"); // where H2 writes the compacted file before the swap
        long stored;
        try (ChildJvm child = record(db)) {
            child.awaitLine(WAIT, "a status line with bars stored", line -> line.contains("stored ")
                    && storedIn(line) >= 2_000);
            child.terminate();
            String compacting = child.awaitLine(WAIT, "the compaction announced", l -> l.startsWith("Compacting "));
            Matcher matcher = COMPACTING.matcher(compacting);
            assertTrue(matcher.find(), compacting);
            stored = Long.parseLong(matcher.group(1));
            Await.until(WAIT, "H2 writing the compacted copy", () -> Files.exists(copy)
                    || child.out().stream().anyMatch(l -> l.startsWith("Compacted ")));
            child.kill();
            child.awaitExit(WAIT);
            assertTrue(child.out().stream().noneMatch(l -> l.startsWith("Compacted ")),
                    "the kill came after the compaction: " + child.out());
        }
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            assertEquals(stored, store.countBars());
            assertEquals("stopped", store.coverage(0, Long.MAX_VALUE).get(0).endReason());
        }
    }

    @Test
    void killMinusNineNeverLosesABarReportedAsStored() throws Exception {
        for (int run = 0; run < 3; run++) {
            Path db = dir.resolve("kill" + run);
            long atLeast = 300L * (run + 1);
            long reported;
            try (ChildJvm child = record(db)) {
                String line = child.awaitLine(WAIT, "a status line with bars stored", l -> l.contains("stored ")
                        && storedIn(l) >= atLeast);
                // The newest report, read just before the kill: the process keeps running between the two.
                List<String> lines = child.out();
                reported = storedIn(line);
                for (String later : lines) {
                    if (later.contains("stored ")) {
                        reported = Math.max(reported, storedIn(later));
                    }
                }
                child.kill();
                child.awaitExit(WAIT);
            }
            try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
                long found = store.countBars();
                assertTrue(found >= reported, "run " + run + ": reported " + reported + " stored, found " + found);
                for (CoverageSpan span : store.coverage(0, Long.MAX_VALUE)) {
                    assertTrue(store.bars("SPY", span.start(), span.end()).size() > 0, "a span claims stored bars");
                }
            }
        }
    }
}
