package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimulatedMarket;
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

/** A live session starts from what is stored of the day, not from an empty chart (no REST needed for that). */
class LiveSessionTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    @TempDir
    Path dir;

    @Test
    void theDaySoFarInTheDatabaseIsInTheLiveSeriesAtStartAndWhenASymbolIsAdded() throws Exception {
        StoreLocation database = StoreLocation.ofFile(dir.resolve("db"));
        long from = ExchangeTime.toEpochMillis(DAY, LocalTime.of(9, 30));
        long live = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 0));
        SimulatedMarket market = new SimulatedMarket(1);
        List<Bar> spy = market.day("SPY", DAY).bars(from, live - 60_000);
        List<Bar> aapl = market.day("AAPL", DAY).bars(from, live - 60_000);
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) {
            store.upsert(spy);
            store.upsert(aapl);
        }
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder().start(live).speed(5).build())
                .withBackfill(false);
        LiveSession session = LiveSession.start(new LiveSession.Settings(feed, database, DetectorSettings.DEFAULT,
                List.of("SPY")));
        try {
            Await.until(Duration.ofSeconds(20), "the stored SPY bars in the series",
                    () -> session.series().bars("SPY", from, live - 60_000).size() == spy.size());
            assertEquals(spy, session.series().bars("SPY", from, live - 60_000));
            assertEquals(List.of(), session.series().bars("AAPL", from, live));
            session.watch("AAPL");
            Await.until(Duration.ofSeconds(20), "the stored AAPL bars in the series",
                    () -> session.series().bars("AAPL", from, live - 60_000).size() == aapl.size());
            assertEquals(aapl, session.series().bars("AAPL", from, live - 60_000));
        } finally {
            session.close();
        }
    }
}
