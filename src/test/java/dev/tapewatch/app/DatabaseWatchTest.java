package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.TestBars;
import dev.tapewatch.TestPostgres;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Bar;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session whose provider is the shared database: it shows what a recorder stores, and stores nothing itself. */
class DatabaseWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final FeedSettings WATCH = new FeedSettings(Providers.DATABASE, null, null, 30_000, null, false);

    @TempDir
    Path dir;

    @Test
    void showsTheDaySoFarThenEachNewAndReplacedBarAsTheRecorderStoresIt() throws Exception {
        StoreLocation database = TestPostgres.newDatabase();
        List<Bar> day = TestBars.day("SPY", 200);
        try (BarStore recorder = BarStore.open(database, BarStore.Mode.CREATE)) {
            recorder.upsert(day.subList(0, 150));
            recorder.upsert(TestBars.day("AAPL", 20)); // not watched
            try (LiveSession session = LiveSession.start(new LiveSession.Settings(WATCH, database,
                    DetectorSettings.DEFAULT, List.of("SPY")))) {
                Await.until(WAIT, "the day so far", () -> session.series().bars("SPY", 0, Long.MAX_VALUE).size() == 150);
                assertEquals(FeedStatus.State.STREAMING, session.status().state());
                assertEquals(Providers.DATABASE, session.provider());

                recorder.upsert(day.subList(150, 200));
                Bar replaced = day.get(10);
                Bar revised = new Bar("SPY", replaced.start(), replaced.end(), replaced.open(), replaced.high() + 1,
                        replaced.low(), replaced.close(), replaced.volume() + 700, replaced.vwap(), Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, false, Bar.Source.REST);
                recorder.upsert(List.of(revised));
                Await.until(WAIT, "new and replaced bars", () -> session.series().bars("SPY", 0, Long.MAX_VALUE)
                        .equals(replace(day, 10, revised)));
                assertEquals(List.of(), session.series().bars("AAPL", 0, Long.MAX_VALUE));
                // a second the recorder deletes (its trades were all cancelled) leaves the watching chart too
                recorder.writeDurably("delete a bar in", writes -> {
                    writes.delete("SPY", day.get(20).start());
                    return null;
                });
                List<Bar> withoutIt = new java.util.ArrayList<>(replace(day, 10, revised));
                withoutIt.remove(20);
                Await.until(WAIT, "the deleted second gone", () -> session.series().bars("SPY", 0, Long.MAX_VALUE)
                        .equals(withoutIt));
                long clock = session.marketClock().getAsLong();
                assertTrue(clock >= day.get(199).end() && clock < day.get(199).end() + 60_000,
                        "the market clock runs from the newest bar: " + clock);

                session.watch("AAPL");
                Await.until(WAIT, "a symbol added later", () ->
                        session.series().bars("AAPL", 0, Long.MAX_VALUE).size() == 20);
                assertEquals(0, session.barsStored(), "a watching window stores nothing");
                assertThrows(IllegalStateException.class, session::history);
            }
            assertEquals(219, recorder.countBars()); // 200 + 20 stored, one deleted; the window stored nothing
        }
    }

    @Test
    void refusesADatabaseThatCannotBeWatched() {
        StoreLocation file = StoreLocation.ofFile(dir.resolve("db"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveSession.start(
                new LiveSession.Settings(WATCH, file, DetectorSettings.DEFAULT, List.of("SPY"))));
        assertTrue(e.getMessage().startsWith("Watching a recorder needs the PostgreSQL database it records into; "
                + file.describe() + " is not one."), e.getMessage());
    }

    private static List<Bar> replace(List<Bar> bars, int index, Bar bar) {
        List<Bar> copy = new java.util.ArrayList<>(bars);
        copy.set(index, bar);
        return copy;
    }
}
