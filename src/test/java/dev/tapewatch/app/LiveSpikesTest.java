package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spikes found live while recording equal the detector rerun over the stored day. */
class LiveSpikesTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final List<String> SYMBOLS = List.of("SPY", "AAPL", "TSLA", "NVDA", "PLTR");

    @TempDir
    Path dir;

    @Test
    void liveEqualsHistory() throws Exception {
        long start = ExchangeTime.toEpochMillis(DAY, LocalTime.of(9, 25));
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            Pipeline pipeline = Pipeline.open(store, Providers.simulator(SimulatorSettings.builder()
                    .start(start).speed(400).seed(5).build()).withBackfill(false), DetectorSettings.DEFAULT);
            pipeline.start(SYMBOLS);
            long until = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 15));
            var clock = pipeline.connection().simulator().clock();
            Await.until(Duration.ofSeconds(60), "50 minutes of market", () -> clock.now() >= until);
            pipeline.close();

            int total = 0;
            for (String symbol : SYMBOLS) {
                List<Spike> stored = store.spikes(symbol, ExchangeTime.startOfDay(DAY), ExchangeTime.endOfDay(DAY));
                assertEquals(History.detect(store, symbol, DAY, DetectorSettings.DEFAULT), stored, symbol);
                total += stored.size();
            }
            assertTrue(total >= SYMBOLS.size(), "the opening cross at least, for each symbol: " + total);
        }
    }
}
