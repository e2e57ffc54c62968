package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #15 deliverable 3: relative volume against the same time of day on recent stored days, real H2 file. */
class RelativeVolumeTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 1, 10);

    @TempDir
    Path dir;

    private static List<Bar> session(LocalDate day, int seconds, double volume) {
        List<Bar> bars = new ArrayList<>();
        long open = ExchangeTime.toEpochMillis(day, ExchangeTime.REGULAR_OPEN);
        for (int i = 0; i < seconds; i++) {
            bars.add(Bar.of("SPY", open + i * 1000L, open + i * 1000L + 1000, 10, 10, 10, 10, volume, 10));
        }
        return bars;
    }

    @Test
    void todaysVolumeIsComparedWithTheSameTimeOnRecentFullDays() {
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            assertNull(RelativeVolume.profile(store, "SPY", TODAY), "a fresh install has nothing to compare with");
            store.upsert(session(LocalDate.of(2024, 1, 8), 7_000, 100)); // full enough, 100 a second
            store.upsert(session(LocalDate.of(2024, 1, 9), 7_000, 300)); // 300 a second
            store.upsert(session(LocalDate.of(2024, 1, 5), 600, 10_000)); // ten minutes stored: left out
            double[] profile = RelativeVolume.profile(store, "SPY", TODAY);
            long tenOClock = ExchangeTime.toEpochMillis(TODAY, LocalTime.of(10, 0));
            // by 10:00 the usual day has traded 30 minutes at 200 a second on average: 360,000
            assertEquals(360_000, profile[(int) ((tenOClock - ExchangeTime.toEpochMillis(TODAY,
                    ExchangeTime.PRE_MARKET_OPEN)) / 60_000) - 1], 1e-6);
            assertEquals(2.0, RelativeVolume.ratio(profile, 720_000, tenOClock), 1e-9);
            assertTrue(Double.isNaN(RelativeVolume.ratio(profile, 1_000, ExchangeTime.toEpochMillis(TODAY,
                    LocalTime.of(5, 0)))), "before anything usually trades there is no ratio");
        }
    }
}
