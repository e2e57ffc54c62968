package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator speaks Alpaca too: its trades, made into seconds by the recorder, are the Polygon seconds. */
class SimulatedAlpacaTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    @TempDir
    Path dir;

    @Test
    void recordedAlpacaSecondsEqualTheSimulatedMarketsBarsStreamedAndBackfilled() throws Exception {
        SimulatorSettings simulation = SimulatorSettings.builder().seed(3).speed(20)
                // early in the pre-market: the day so far, fetched over REST at start, is five minutes
                .start(ExchangeTime.toEpochMillis(DAY, LocalTime.of(4, 5))).build();
        try (MarketServer server = MarketServer.simulate(new ServerSettings(0, "sim-key",
                ServerSettings.Protocol.ALPACA), simulation, Threads::named)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new String[] {"record", "--provider", "alpaca", "--url", server.url().toString(),
                "--rest-url", server.restUrl().toString(), "--key", "sim-key", "--secret", "sim-secret", "--symbols",
                "SPY,AAPL", "--duration", "5s", "--db", dir.resolve("db").toString()},
                    new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, out + "\n" + err);
        }
        SimulatedMarket truth = new SimulatedMarket(3);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.EXISTING)) {
            for (String symbol : List.of("SPY", "AAPL")) {
                List<Bar> stored = store.bars(symbol, 0, Long.MAX_VALUE);
                assertTrue(stored.size() > 100, symbol + ": the day so far (REST) and the streamed seconds: "
                        + stored.size());
                List<Bar> simulated = truth.day(symbol, DAY).bars(stored.get(0).start(),
                        stored.get(stored.size() - 1).end());
                assertEquals(simulated.size(), stored.size(), symbol);
                for (int i = 0; i < simulated.size(); i++) {
                    assertTrue(simulated.get(i).sameTrades(stored.get(i)), simulated.get(i) + "\n" + stored.get(i));
                }
                assertTrue(stored.stream().anyMatch(bar -> bar.source() == Bar.Source.REST));
                assertTrue(stored.stream().anyMatch(bar -> bar.source() == Bar.Source.STREAM));
            }
        }
    }
}
