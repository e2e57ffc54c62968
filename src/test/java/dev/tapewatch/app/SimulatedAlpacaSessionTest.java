package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.simulator.MarketToSimulate;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's "Simulated market (Alpaca protocol)": the same market, through trades and the aggregation. */
class SimulatedAlpacaSessionTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    @TempDir
    Path dir;

    @Test
    void theLiveChartGetsTheSimulatedSecondsThroughAlpacasProtocol() throws Exception {
        long ten = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 0));
        FeedSettings feed = new FeedSettings(Providers.SIMULATOR_ALPACA, null, null, 30_000, null, false,
                new MarketToSimulate(SimulatorSettings.builder().seed(5).speed(20).start(ten).build()));
        try (LiveSession session = LiveSession.start(new LiveSession.Settings(feed, StoreLocation.ofFile(
                dir.resolve("db")), DetectorSettings.DEFAULT, List.of("SPY")))) {
            assertEquals(Providers.SIMULATOR_ALPACA, session.provider());
            Await.until(Duration.ofSeconds(30), "streamed seconds",
                    () -> session.series().bars("SPY", ten, Long.MAX_VALUE).size() >= 40);
            List<Bar> live = session.series().bars("SPY", ten, Long.MAX_VALUE);
            List<Bar> truth = new SimulatedMarket(5).day("SPY", DAY).bars(live.get(0).start(),
                    live.get(live.size() - 1).end());
            assertEquals(truth.size(), live.size());
            for (int i = 0; i < truth.size(); i++) {
                assertTrue(truth.get(i).sameTrades(live.get(i)), truth.get(i) + "\n" + live.get(i));
            }
        }
    }
}
