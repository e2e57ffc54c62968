package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimClock;
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

/**
 * A stored day played through the live path beside the live session: the day before its start at once, then every
 * bar once, pausable, recording nothing.
 */
class ReplaySessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.of(2024, 1, 3);

    @TempDir
    Path dir;

    @Test
    void playsTheStoredDayFromTheChosenTimeEveryBarOnceAndRecordsNothing() throws Exception {
        StoreLocation database = StoreLocation.ofFile(dir.resolve("db"));
        long ten = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 0));
        List<Bar> spy = rest(new SimulatedMarket(4).day("SPY", DAY).bars(ten, ten + 240_000));
        List<Bar> aapl = rest(new SimulatedMarket(4).day("AAPL", DAY).bars(ten, ten + 240_000));
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) {
            store.upsert(spy);
            store.upsert(aapl);
        }
        FeedSettings simulator = Providers.simulator(SimulatorSettings.builder().speed(1)
                .start(ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0))).build());
        try (LiveSession live = LiveSession.start(new LiveSession.Settings(simulator.withBackfill(false), database,
                DetectorSettings.DEFAULT, List.of("SPY", "AAPL")))) {
            long from = ten + 60_000;
            List<Bar> before = spy.stream().filter(bar -> bar.start() < from).toList();
            List<Bar> expected = java.util.stream.Stream.concat(before.stream(), spy.stream()
                    .filter(bar -> bar.start() >= from).map(ReplaySessionTest::streamed)).toList();
            try (LiveSession replay = live.replay(DAY, from, 40)) {
                assertEquals(before, replay.series().bars("SPY", 0, Long.MAX_VALUE), "the day up to the replay, at once");
                replay.play();
                SimClock clock = replay.replayClock();
                assertEquals(Providers.REPLAY, replay.provider());
                Await.until(WAIT, "a first part of the replay", () -> replay.series().bars("SPY", 0, Long.MAX_VALUE)
                        .size() >= before.size() + 20);
                clock.pause();
                long stopped = clock.now();
                Thread.sleep(200); // time passes; a paused clock does not
                assertEquals(stopped, clock.now());
                clock.resume();
                clock.speed(100);
                assertEquals(100, clock.speed());
                Await.until(WAIT, "the rest of the day", () -> replay.series().bars("SPY", 0, Long.MAX_VALUE)
                        .size() == expected.size(), () -> replay.series().bars("SPY", 0, Long.MAX_VALUE).size()
                        + " of " + expected.size() + ", clock " + ExchangeTime.localDateTime(clock.now())
                        + ", " + replay.status());
                assertEquals(expected, replay.series().bars("SPY", 0, Long.MAX_VALUE));
                assertEquals(0, replay.barsStored());
                assertTrue(replay.marketClock().getAsLong() >= expected.get(expected.size() - 1).start());
            }
            assertEquals(spy, live.store().bars("SPY", ten, ten + 240_000), "the stored day is untouched");
            // a day with nothing stored, even when the time given lies in a stored one
            IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
                    () -> live.replay(LocalDate.of(2024, 1, 4), ten, 10));
            assertTrue(nothing.getMessage().startsWith("Nothing stored for 2024-01-04 of SPY, AAPL"), nothing.getMessage());
        }
    }

    private static List<Bar> rest(List<Bar> bars) {
        return bars.stream().map(bar -> bar.withSource(Bar.Source.REST)).toList();
    }

    /** A bar as the replay's websocket delivers it: what was stored, received as stream. */
    private static Bar streamed(Bar bar) {
        return bar.withSource(Bar.Source.STREAM);
    }
}
