package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.Pipeline;
import dev.tapewatch.app.Providers;
import dev.tapewatch.app.Threads;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.serve.StoredDaySource;
import dev.tapewatch.sim.SimClock;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored day replayed over the Polygon protocol and recorded again arrives whole, bar for bar. */
class ReplayTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    @TempDir
    Path dir;

    private StoreLocation storedDay() {
        StoreLocation location = StoreLocation.ofFile(dir.resolve("original"));
        long from = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 0));
        long gapStart = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 2));
        long gapEnd = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 3));
        long to = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 6));
        SimulatedMarket market = new SimulatedMarket(4);
        try (BarStore store = BarStore.open(location, BarStore.Mode.CREATE)) {
            for (String symbol : List.of("SPY", "AAPL", "TSLA")) {
                store.upsert(market.day(symbol, DAY).bars(from, to).stream()
                        .filter(bar -> bar.start() < gapStart || bar.start() >= gapEnd).toList());
            }
        }
        return location;
    }

    @Test
    void everyStoredBarOfTheChosenSymbolsArrivesOnceAsStored() throws Exception {
        StoreLocation original = storedDay();
        long from = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 1));
        try (BarStore source = BarStore.open(original, BarStore.Mode.EXISTING);
             BarStore copy = BarStore.open(StoreLocation.ofFile(dir.resolve("copy")), BarStore.Mode.CREATE)) {
            StoredDaySource replay = new StoredDaySource(source, DAY, List.of("SPY", "AAPL"), from);
            long end = ExchangeTime.endOfDay(DAY);
            List<Bar> spy = source.bars("SPY", from, end);
            List<Bar> aapl = source.bars("AAPL", from, end);
            assertEquals(spy.size() + aapl.size(), replay.bars());
            try (MarketServer server = MarketServer.start(ServerSettings.of(ServerSettings.Protocol.POLYGON), replay,
                    new SimClock(replay.first(), 0), Threads::named)) {
                Pipeline recorder = Pipeline.open(copy, new FeedSettings(Providers.POLYGON, server.url(), "k",
                        30_000, null, false), DetectorSettings.DEFAULT);
                recorder.start(List.of("*"));
                Await.until(Duration.ofSeconds(60), "the replayed bars stored",
                        () -> recorder.recorder().writer().stats().written() >= replay.bars());
                Await.until(Duration.ofSeconds(10), "the end of the replay", server::ended);
                recorder.close();
            }
            assertEquals(spy, copy.bars("SPY", 0, Long.MAX_VALUE));
            assertEquals(aapl, copy.bars("AAPL", 0, Long.MAX_VALUE));
            assertEquals(List.of(), copy.bars("TSLA", 0, Long.MAX_VALUE));
        }
    }

    @Test
    void aDayWithNothingStoredIsNamed() {
        StoreLocation original = storedDay();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"replay", "--db", original.file().toString(), "--date", "2024-01-03"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCodes.FAILURE, code);
        assertTrue(err.toString().contains("Nothing stored for 2024-01-03. List the stored days with: tapewatch days"),
                err.toString());
    }
}
