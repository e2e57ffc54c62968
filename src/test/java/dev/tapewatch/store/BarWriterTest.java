package dev.tapewatch.store;

import dev.tapewatch.app.Threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.market.Bar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarWriterTest {
    @TempDir
    Path dir;

    private static Bar bar(int thread, int i) {
        long start = 1_704_205_800_000L + i * 1000L;
        double price = 100 + thread + i * 0.01;
        return new Bar("T" + thread, start, start + 1000, price, price + 0.5, price - 0.5, price, i + 1, price,
                i, 100, 100, 1, false);
    }

    @Test
    void losesNothingFromFourThreads() throws Exception {
        int perThread = 25_000;
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            BarWriter writer = new BarWriter(store, 10_000, 1_000, Threads::named);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                producers.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        writer.put(bar(thread, i));
                    }
                    return null;
                }));
            }
            for (Future<?> producer : producers) {
                producer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            writer.close();

            assertEquals(100_000, writer.accepted());
            assertEquals(100_000, writer.written());
            assertEquals(0, writer.unstored());
            assertEquals(100_000, store.countBars());
            for (int t = 0; t < 4; t++) {
                List<Bar> stored = store.bars("T" + t, 0, Long.MAX_VALUE);
                assertEquals(perThread, stored.size());
                assertEquals(bar(t, 0), stored.get(0));
                assertEquals(bar(t, perThread - 1), stored.get(perThread - 1));
            }
        }
    }

    @Test
    void flushStoresWhatWasAcceptedWithoutWaitingForAFullBatch() throws Exception {
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            BarWriter writer = new BarWriter(store, 100, 1_000, Threads::named);
            for (int i = 0; i < 7; i++) {
                writer.put(bar(0, i));
            }
            writer.flush();
            assertEquals(7, writer.written());
            assertEquals(7, store.countBars());
            writer.close();
            assertThrows(IllegalStateException.class, () -> writer.put(bar(0, 8)), "a closed writer refuses");
            assertEquals(7, writer.accepted());
        }
    }

    @Test
    void aFullQueueMakesTheCallerWaitInsteadOfDropping() throws Exception {
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            // Hold the writer thread after its first batch so the queue stays full.
            BarWriter writer = new BarWriter(store, 2, 1, Threads::named);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            writer.onStored(batch -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            writer.put(bar(0, 0));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            writer.put(bar(0, 1));
            writer.put(bar(0, 2));
            Thread producer = new Thread(() -> {
                try {
                    writer.put(bar(0, 3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, producer.getState(), "the fourth bar waits for room");
            assertEquals(3, writer.accepted());
            release.countDown();
            producer.join(10_000);
            writer.close();
            assertEquals(4, writer.written());
            assertEquals(4, store.countBars());
        }
    }

    @Test
    void aSessionSpanEndsAtItsLastStoredBarAndASessionWithoutBarsLeavesNone() throws Exception {
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            BarWriter writer = new BarWriter(store, 100, 1_000, Threads::named);
            long sessionStart = bar(0, 0).start() - 500;
            writer.sessionStarted(List.of("T0", "T1"), sessionStart);
            for (int i = 0; i < 5; i++) {
                writer.put(bar(0, i));
            }
            writer.flush();
            assertEquals(List.of(new CoverageSpan(1, List.of("T0", "T1"), sessionStart, bar(0, 4).end(), null)),
                    store.coverage(0, Long.MAX_VALUE), "an open span reaches the last stored bar");
            writer.sessionEnded("disconnected: test");
            writer.sessionStarted(List.of("T0"), bar(0, 10).start()); // a subscription that never delivered
            writer.sessionEnded("stopped");
            writer.covered(List.of("T0"), bar(0, 5).start(), bar(0, 10).start(), CoverageSpan.BACKFILLED);
            writer.close();
            assertEquals(List.of(
                    new CoverageSpan(1, List.of("T0", "T1"), sessionStart, bar(0, 4).end(), "disconnected: test"),
                    new CoverageSpan(2, List.of("T0"), bar(0, 5).start(), bar(0, 10).start(), "backfilled")),
                    store.coverage(0, Long.MAX_VALUE));
        }
    }
}
