package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chunk encoding gives every bar back exactly, whatever its doubles, and is small for a feed's bars. */
class MinuteChunkTest {
    private static final long MINUTE = MinuteChunk.minuteOf(TestBars.at(9, 30, 0));

    @Test
    void feedBarsComeBackExactlyInAboutFourteenBytes() {
        List<Bar> bars = new ArrayList<>();
        double price = 187.23;
        double accumulated = 2_000_000;
        double notional = 0;
        for (int s = 0; s < 60; s++) {
            double close = Math.round((price + (s % 7 - 3) * 0.01) * 100) / 100.0;
            double volume = 100 + (s * 37) % 900;
            accumulated += volume;
            double vwap = Math.round((price + close) / 2 * 10_000) / 10_000.0;
            notional += vwap * volume;
            bars.add(new Bar("AAPL", MINUTE + s * 1000L, MINUTE + s * 1000L + 1000, price, Math.round((Math.max(price, close) + 0.01) * 100) / 100.0,
                    Math.min(price, close), close, volume, vwap, accumulated, 186.5,
                    Math.round(notional / accumulated * 10_000) / 10_000.0, Math.round(volume / 3 * 100) / 100.0,
                    false));
            price = close;
        }
        byte[] chunk = MinuteChunk.encode(MINUTE, bars);
        assertEquals(bars, MinuteChunk.decode("AAPL", MINUTE, chunk));
        assertEquals(60, MinuteChunk.count(chunk));
        assertTrue(chunk.length <= 60 * 16, chunk.length + " bytes for 60 bars");
    }

    @Test
    void awkwardDoublesTimesAndFlagsComeBackBitForBit() {
        List<Bar> bars = new ArrayList<>(TestBars.day("SPY", 25).subList(0, 20)); // 09:30:00 to 09:30:29
        long t = MINUTE + 30_000;
        bars.add(new Bar("SPY", t, t + 1, 1e-300, 1e300, Double.MIN_VALUE, 0.1 + 0.2, -0.0, 0.3, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, true, Bar.Source.REST));
        bars.add(new Bar("SPY", t + 7, t + 90_000, 0, 123456789.123456789, 0, 5e-7, 1e15, 2.5, 1e18, 0,
                Double.MAX_VALUE, 1.0 / 3, false, Bar.Source.IMPORT));
        bars.add(new Bar("SPY", t + 999, t + 1000, 472.65, 472.65, 472.65, 472.65, 0.5, 472.65, 3, Double.NaN,
                472.601234567, Double.NaN, true, Bar.Source.STREAM));
        byte[] chunk = MinuteChunk.encode(MINUTE, bars);
        assertEquals(bars, MinuteChunk.decode("SPY", MINUTE, chunk));
        assertEquals(List.of(), MinuteChunk.decode("SPY", MINUTE, MinuteChunk.encode(MINUTE, List.of())));
    }

    @Test
    void mergeReplacesByStartLastArrivalWinningAndWithoutRemovesOne() {
        List<Bar> day = TestBars.day("SPY", 30).subList(0, 10);
        Bar replacement = day.get(4).withSource(Bar.Source.REST);
        Bar last = day.get(4).withSource(Bar.Source.IMPORT);
        byte[] stored = MinuteChunk.merge(null, "SPY", MINUTE, day.subList(0, 6));
        byte[] merged = MinuteChunk.merge(stored, "SPY", MINUTE, List.of(day.get(9), replacement, day.get(6),
                day.get(7), day.get(8), last));
        List<Bar> expected = new ArrayList<>(day);
        expected.set(4, last);
        assertEquals(expected, MinuteChunk.decode("SPY", MINUTE, merged));
        expected.remove(2);
        assertEquals(expected, MinuteChunk.without(merged, "SPY", MINUTE, day.get(2).start()));
        assertNull(MinuteChunk.without(merged, "SPY", MINUTE, day.get(2).start() + 1));
    }
}
