package dev.tapewatch.store;

import dev.tapewatch.app.Threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer on a disk that fills up or fails its syncs, through a fault-injecting H2 file system. */
class FaultyDiskTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @AfterEach
    void freeTheDisk() {
        FaultyDiskFilePath.setFull(false);
        FaultyDiskFilePath.setSyncFailing(false);
    }

    private static Bar bar(int i) {
        long start = 1_704_205_800_000L + i * 1000L;
        return Bar.of("SPY", start, start + 1000, 100, 101, 99, 100.5, 10 + i, 100.2);
    }

    /** A writer of SPY's session on {@code store}, batches of up to 10,000 bars or 100 ms. */
    private static BarWriter startedWriter(BarStore store) throws InterruptedException {
        BarWriter writer = new BarWriter(store, 10_000, 100, Threads::named);
        writer.sessionStarted(List.of("SPY"), bar(0).start());
        return writer;
    }

    /** Hands the writer bars {@code from} to {@code to} - 1. */
    private static void put(BarWriter writer, int from, int to) throws InterruptedException {
        for (int i = from; i < to; i++) {
            writer.put(bar(i));
        }
    }

    private BarStore open() {
        return BarStore.open(StoreLocation.parse(FaultyDiskFilePath.url(dir.resolve("db"))), BarStore.Mode.CREATE);
    }

    @Test
    void barsReceivedWhileTheDiskIsFullAreStoredOnceThereIsRoomAndNotCountedBefore() throws Exception {
        try (BarStore store = open()) {
            BarWriter writer = startedWriter(store);
            put(writer, 0, 50);
            writer.flush();
            assertEquals(50, writer.stats().written());
            FaultyDiskFilePath.setFull(true);
            put(writer, 50, 300);
            Await.until(WAIT, "the writer to report the full disk", () -> writer.stats().problem() != null);
            BarWriter.Problem problem = writer.stats().problem();
            assertTrue(problem.message().contains("disk is full"), problem.message());
            assertEquals(50, writer.stats().written(), "nothing counted as stored while the disk is full");
            FaultyDiskFilePath.setFull(false);
            writer.flush();
            assertEquals(300, writer.stats().written());
            assertNull(writer.stats().problem());
            writer.sessionEnded("stopped");
            writer.close();
            assertEquals(0, writer.stats().unstored());
            assertEquals(300, store.countBars());
            assertEquals(List.of(new CoverageSpan(1, List.of("SPY"), bar(0).start(), bar(299).end(), "stopped")),
                    store.coverage(0, Long.MAX_VALUE));
        }
    }

    @Test
    void stoppingWhileTheDiskIsFullCountsWhatCouldNotBeStoredAndCoverageDoesNotClaimIt() throws Exception {
        try (BarStore store = open()) {
            BarWriter writer = startedWriter(store);
            put(writer, 0, 40);
            writer.flush();
            FaultyDiskFilePath.setFull(true);
            put(writer, 40, 250);
            writer.sessionEnded("stopped");
            writer.close();
            assertEquals(40, writer.stats().written());
            assertEquals(210, writer.stats().unstored());
            assertNotNull(writer.stats().problem());
        }
        FaultyDiskFilePath.setFull(false);
        try (BarStore store = open()) {
            assertEquals(40, store.countBars());
            List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
            assertEquals(1, spans.size(), spans.toString());
            assertEquals(bar(39).end(), spans.get(0).end(), "the span ends at the last stored bar");
        }
    }

    @Test
    void aBatchTheDiskDoesNotSyncIsNotCountedAsStoredUntilASyncSucceeds() throws Exception {
        try (BarStore store = open()) {
            BarWriter writer = startedWriter(store);
            put(writer, 0, 50);
            long syncsBefore = FaultyDiskFilePath.syncs();
            writer.flush();
            assertEquals(50, writer.stats().written());
            assertTrue(FaultyDiskFilePath.syncs() > syncsBefore, "the batch was fsynced before it was counted");
            FaultyDiskFilePath.setSyncFailing(true);
            put(writer, 50, 120);
            Await.until(WAIT, "the writer to report the failed sync", () -> writer.stats().problem() != null);
            BarWriter.Problem problem = writer.stats().problem();
            assertTrue(problem.message().contains("Input/output error"), problem.message());
            assertEquals(50, writer.stats().written(), "nothing counted as stored while the disk cannot sync");
            FaultyDiskFilePath.setSyncFailing(false);
            writer.flush();
            assertEquals(120, writer.stats().written());
            assertNull(writer.stats().problem());
            writer.sessionEnded("stopped");
            writer.close();
            assertEquals(0, writer.stats().unstored());
            assertEquals(120, store.countBars());
        }
    }

    /**
     * H2 closes a file whose write failed as a kill would, and its own open may then find an older version than the
     * newest it committed: every bar counted as stored must be there once the store has opened it again.
     */
    @Test
    void aFileReopenedAfterAFailedWriteHoldsEveryDurableWrite() throws Exception {
        Path base = dir.resolve("reopened");
        Path file = H2Files.file(base);
        StoreLocation location = new StoreLocation(FaultyDiskFilePath.url(base), base); // an H2 file, faults injected
        List<Bar> bars = TestBars.day("SPY", 100_000);
        int[] stored = {0};
        int[] reopened = {0};
        try (BarStore store = BarStore.open(location, BarStore.Mode.CREATE)) {
            Await.until(WAIT, "6 reopenings after a write into space H2 reused", () -> {
                long before = size(file);
                store.upsert(bars.subList(stored[0], stored[0] + 20));
                stored[0] += 20;
                if (size(file) <= before) { // a moment at which H2's own open lost writes after a kill
                    FaultyDiskFilePath.setFull(true);
                    assertThrows(StoreException.class, () -> store.upsert(bars.subList(stored[0], stored[0] + 20)));
                    FaultyDiskFilePath.setFull(false);
                    store.recover();
                    assertEquals(stored[0], store.countBars(), "bars stored before reopening " + reopened[0]);
                    reopened[0]++;
                }
                return reopened[0] == 6;
            });
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
