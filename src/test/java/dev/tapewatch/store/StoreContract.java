package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store's contract, run against each database it supports ({@link H2StoreTest}, {@link PostgresStoreTest}). */
abstract class StoreContract {

    /** A new, empty database. */
    abstract StoreLocation newLocation();

    private StoreLocation location;

    BarStore create() {
        location = newLocation();
        return BarStore.open(location, BarStore.Mode.CREATE);
    }

    BarStore reopen() {
        return BarStore.open(location, BarStore.Mode.EXISTING);
    }

    private static Bar bar(int thread, int i) {
        long start = 1_704_205_800_000L + i * 1000L;
        double price = 100 + thread + i * 0.01;
        return new Bar("T" + thread, start, start + 1000, price, price + 0.5, price - 0.5, price, i + 1, price,
                i, 100, 100, 1, false);
    }

    static List<Bar> concat(List<Bar> a, List<Bar> b) {
        List<Bar> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theAlertLogKeepsAlertsByTimeUntilCleared() {
        long day = TestBars.at(0, 0, 0);
        try (BarStore store = create()) {
            store.logAlert(day + 1_000, "SPY", "{\"n\":1}");
            store.logAlert(day + 2_000, "AAPL", "{\"n\":2}");
            store.logAlert(day + 86_400_000, "SPY", "{\"n\":3}");
            assertEquals(List.of("{\"n\":2}", "{\"n\":1}"), store.alertLog(day, day + 86_400_000), "newest first");
            assertEquals(2, store.clearAlertLog(day, day + 86_400_000));
            assertEquals(List.of(), store.alertLog(day, day + 86_400_000));
            assertEquals(List.of("{\"n\":3}"), store.alertLog(day, day + 2 * 86_400_000L), "another day is kept");
        }
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
        try (BarStore store = reopen()) {
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
        Spike b = new Spike("SPY", t + 60_000, t + 61_000, t + 60_000, Spike.Kind.VOLUME, 4.5, 6, Spike.Prints.BLOCK);
        try (BarStore store = create()) {
            store.writeDurably("store spikes in", writes -> {
                writes.saveSpikes(List.of(a, b));
                return null;
            });
            assertEquals(List.of(a, b), store.spikes("SPY", 0, Long.MAX_VALUE));
            Spike rescored = new Spike("SPY", t, t + 2000, t, Spike.Kind.PRICE, 5, 7);
            store.replaceSpikes("SPY", t, t + 3_600_000, List.of(rescored));
            assertEquals(List.of(rescored), store.spikes("SPY", 0, Long.MAX_VALUE));
        }
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
    void losesNothingFromFourThreads() throws Exception {
        int perThread = 25_000;
        try (BarStore store = create()) {
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

            assertEquals(100_000, writer.stats().accepted());
            assertEquals(100_000, writer.stats().written());
            assertEquals(0, writer.stats().unstored());
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
        try (BarStore store = create()) {
            BarWriter writer = new BarWriter(store, 100, 1_000, Threads::named);
            for (int i = 0; i < 7; i++) {
                writer.put(bar(0, i));
            }
            writer.flush();
            assertEquals(7, writer.stats().written());
            assertEquals(7, store.countBars());
            writer.close();
            assertThrows(IllegalStateException.class, () -> writer.put(bar(0, 8)), "a closed writer refuses");
            assertEquals(7, writer.stats().accepted());
        }
    }

    @Test
    void aFullQueueMakesTheCallerWaitInsteadOfDropping() throws Exception {
        try (BarStore store = create()) {
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
            assertEquals(3, writer.stats().accepted());
            release.countDown();
            producer.join(10_000);
            writer.close();
            assertEquals(4, writer.stats().written());
            assertEquals(4, store.countBars());
        }
    }

    @Test
    void aSessionSpanEndsAtItsLastStoredBarAndASessionWithoutBarsLeavesNone() throws Exception {
        try (BarStore store = create()) {
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

    /** #15 defect 9: a watchlist change on an open connection is no gap, even after a quiet spell. */
    @Test
    void aWatchlistChangeLeavesNoGapInTheCoverageOfTheSymbolsKept() throws Exception {
        try (BarStore store = create()) {
            BarWriter writer = new BarWriter(store, 100, 1_000, Threads::named);
            long start = bar(0, 0).start();
            writer.sessionStarted(List.of("T0"), start);
            for (int i = 0; i < 5; i++) {
                writer.put(bar(0, i));
            }
            writer.sessionEnded("symbols changed"); // T1 added 20 s later, T0 quiet since its fifth second
            writer.sessionStarted(List.of("T0", "T1"), bar(0, 25).start());
            writer.put(bar(0, 30));
            writer.close();
            List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
            assertEquals(List.of(), Coverage.gaps("T0", spans), "coverage: " + spans);
            assertEquals(bar(0, 25).start(), spans.get(0).end());
        }
    }

    @Test
    void aRemovedSecondIsDeletedInOrderWithTheBarsAroundIt() throws Exception {
        List<Bar> day = TestBars.day("SPY", 8);
        try (BarStore store = create()) {
            BarWriter writer = new BarWriter(store, 100, 1_000, Threads::named);
            for (Bar bar : day.subList(0, 6)) {
                writer.put(bar);
            }
            writer.remove("SPY", day.get(2).start());
            writer.remove("SPY", day.get(7).start()); // never stored: nothing to do
            writer.flush();
            List<Bar> expected = new ArrayList<>(day.subList(0, 6));
            expected.remove(2);
            assertEquals(expected, store.bars("SPY", 0, Long.MAX_VALUE));
            // a second removed, then stored again within one batch: the later wins
            writer.remove("SPY", day.get(3).start());
            writer.put(day.get(3));
            writer.put(day.get(2));
            writer.remove("SPY", day.get(4).start());
            writer.close();
            expected = new ArrayList<>(day.subList(0, 6));
            expected.remove(4);
            assertEquals(expected, store.bars("SPY", 0, Long.MAX_VALUE));
            assertEquals(5, store.countBars());
        }
    }
}
