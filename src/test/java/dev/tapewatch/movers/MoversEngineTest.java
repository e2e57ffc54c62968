package dev.tapewatch.movers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoversEngineTest {
    private static final long T0 = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0));

    /** {@code trades} trades of {@code size} at {@code close}, with the provider's running day volume. */
    private static Bar bar(String symbol, long start, double close, int trades, double size, double dayVolume) {
        return new Bar(symbol, start, start + 1000, close, close, close, close, trades * size, close, dayVolume,
                Double.NaN, Double.NaN, size, false, Bar.Source.STREAM);
    }

    private final List<Mover> entered = new ArrayList<>();
    private long wall = 1_000;

    private MoversEngine engine(MoverFilter filter) {
        MoversEngine engine = new MoversEngine(DetectorSettings.DEFAULT, filter, 60, () -> wall);
        engine.onEntered(entered::add);
        return engine;
    }

    /** Two symbols, one frame a second: AAA steady at $20, BBB at $5; BBB jumps on a burst at second 400. */
    private static void feed(MoversEngine engine, int from, int to) {
        for (int s = from; s < to; s++) {
            long t = T0 + s * 1000L;
            double bbb = s < 400 ? 5.00 : 5.20;
            int bbbTrades = s == 400 ? 200 : 4 + s % 3;
            engine.accept(List.of(bar("AAA", t, 20.00 + (s % 2) * 0.01, 5 + s % 3, 100, 500.0 * s),
                    bar("BBB", t, bbb, bbbTrades, 100, 500.0 * s + (s >= 400 ? 20_000 : 0))));
        }
    }

    @Test
    void aSymbolEntersTheSecondItsSpikeArrivesAndLeavesAfterTheHold() {
        MoversEngine engine = engine(MoverFilter.ALL);
        feed(engine, 0, 400);
        assertEquals(List.of(), engine.movers());
        wall = 5_000;
        feed(engine, 400, 401);
        assertEquals(1, entered.size(), "entered at its own second, before the spike closes");
        Mover mover = entered.get(0);
        assertEquals("BBB", mover.symbol());
        assertEquals("burst+price", mover.kind());
        assertEquals(T0 + 400_000, mover.startMs());
        assertEquals(T0 + 400_000, mover.enteredMarketMs());
        assertEquals(5_000, mover.enteredWallMs());
        assertEquals(5.20, mover.price());
        assertEquals(4.0, mover.changePct(), 1e-9);
        assertEquals(4.0, mover.change10sPct(), 1e-9);
        assertEquals(4.0, mover.change5mPct(), 1e-9);
        assertEquals(Double.NaN, mover.changeSincePreviousClosePct());
        assertEquals(500.0 * 400 + 20_000, mover.volumeToday());
        assertTrue(mover.score() >= 10 && mover.relativeVolume() > 1, mover.toString());
        engine.previousClose("BBB", 4.00);
        assertEquals(30.0, engine.movers().get(0).changeSincePreviousClosePct(), 1e-9);

        feed(engine, 401, 460);
        assertEquals(List.of("BBB"), engine.movers().stream().map(Mover::symbol).toList(), "held for 60 s");
        assertEquals(0.0, engine.movers().get(0).change10sPct(), 1e-9, "the last 10 s were flat");
        feed(engine, 460, 600);
        assertEquals(List.of(), engine.movers(), "left once held, and a spike that left does not enter again");
        assertEquals(List.of(true, false), engine.log().stream().map(MoverLog::entered).toList());
        assertEquals(1, entered.size());
    }

    @Test
    void filtersDecideWhatEntersAndAChangedFilterReconsidersTheList() {
        MoversEngine engine = engine(new MoverFilter(10, 100, 0, 0, 0, MoverFilter.KINDS));
        feed(engine, 0, 401);
        assertEquals(List.of(), entered, "BBB at $5.20 is below the price range");
        engine.filter(new MoverFilter(1, 100, 0, 0, 0, Set.of("block")));
        assertEquals(List.of(), engine.movers(), "a burst is not a block");
        engine.filter(MoverFilter.ALL.withMinScore(10));
        assertEquals(List.of("BBB"), engine.movers().stream().map(Mover::symbol).toList());
        engine.filter(MoverFilter.ALL.withMinScore(1e9));
        assertEquals(List.of(), engine.movers());
        assertEquals(List.of(true, false), engine.log().stream().map(MoverLog::entered).toList());
    }

    @Test
    void aSymbolKeepsFiveMinutesNotItsDay() {
        SymbolTrail trail = new SymbolTrail();
        for (int s = 0; s < 3_600; s += 7) {
            trail.add(bar("AAA", T0 + s * 1000L, 10 + s / 100.0, 1, 100, Double.NaN));
        }
        long now = (T0 + 3_598_000) / 1000;
        // the last bar was at 3,598 s (close 45.98); 300 s earlier the close carried was that of 3,297 s
        assertEquals(45.98, trail.closeAt(now), 1e-9);
        assertEquals(42.97, trail.closeAt(now - 300), 1e-9);
        assertEquals(Double.NaN, trail.closeAt(now - 301));
        assertEquals(100.0 * (3_600 / 7 + 1), trail.volumeToday(), 1e-9);
    }
}
