package dev.tapewatch.ui.common;

import dev.tapewatch.Await;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A real session for view model tests: an H2 file holding SPY's and AAPL's 10:00 to 10:15 of {@link #STORED_DAY}
 * (the simulated market's bars, seed 9), then the simulated market live on {@link #LIVE_DAY} from 10:00, once
 * some of that day is stored.
 */
public final class StoredDaySession implements AutoCloseable {
    public static final LocalDate STORED_DAY = LocalDate.of(2024, 1, 2);
    public static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 3);
    public static final long FROM = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 0));
    public static final long TO = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 15));

    public final Map<String, List<Bar>> stored;
    public final LiveSession session;

    public StoredDaySession(Path dir) {
        StoreLocation database = StoreLocation.ofFile(dir.resolve("db"));
        SimulatedMarket market = new SimulatedMarket(9);
        stored = Map.of("SPY", market.day("SPY", STORED_DAY).bars(FROM, TO),
                "AAPL", market.day("AAPL", STORED_DAY).bars(FROM, TO));
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) {
            stored.values().forEach(store::upsert);
        }
        session = LiveSession.start(new LiveSession.Settings(Providers.simulator(SimulatorSettings.builder()
                .start(ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0))).build()), database,
                DetectorSettings.DEFAULT, List.of("SPY")));
        Await.until(Duration.ofSeconds(60), "SPY's live day stored", () -> session.store().days("SPY").stream()
                .anyMatch(day -> day.date().equals(LIVE_DAY)));
    }

    @Override
    public void close() throws InterruptedException {
        session.close();
    }
}
