package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores of one H2 file writing at once (an import while recording): a batch is merged into a minute's stored
 * chunk by reading it and writing it back, so both merging into the same minutes must keep both's bars.
 */
class ConcurrentWritersTest {
    private static final int SYMBOLS = 40;

    @TempDir
    Path dir;

    @Test
    void twoStoresOfOneFileMergingIntoTheSameMinutesAtOnceLoseNoBar() throws Exception {
        List<Bar> morning = new ArrayList<>();
        List<Bar> afternoon = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            List<Bar> day = TestBars.day("S" + i, 4);
            morning.addAll(day.subList(0, 2));
            afternoon.addAll(day.subList(2, 4));
        }
        StoreLocation location = StoreLocation.ofFile(dir.resolve("db"));
        CyclicBarrier together = new CyclicBarrier(2);
        try (BarStore first = BarStore.open(location, BarStore.Mode.CREATE);
             BarStore second = BarStore.open(location, BarStore.Mode.CREATE)) {
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> storeTogether(first, morning, together));
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> storeTogether(second, afternoon, together));
            one.get();
            two.get();
        }
        try (BarStore store = BarStore.open(location, BarStore.Mode.EXISTING)) {
            for (int i = 0; i < SYMBOLS; i++) {
                assertEquals(TestBars.day("S" + i, 4), store.bars("S" + i, 0, Long.MAX_VALUE), "S" + i);
            }
            assertEquals(SYMBOLS, store.symbols().size());
        }
    }

    private static void storeTogether(BarStore store, List<Bar> bars, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Bar bar : bars) {
            store.upsert(List.of(bar));
        }
    }
}
