package dev.tapewatch.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.TestBars;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionVwapTest {
    private static final List<Bar> AROUND_THE_OPEN = List.of(
            Bar.of("SPY", TestBars.at(9, 29, 58), TestBars.at(9, 29, 59), 10, 10, 10, 10, 100, 10),
            Bar.of("SPY", TestBars.at(9, 29, 59), TestBars.at(9, 30, 0), 20, 20, 20, 20, 100, 20),
            Bar.of("SPY", TestBars.at(9, 30, 0), TestBars.at(9, 30, 1), 30, 30, 30, 30, 100, 30),
            Bar.of("SPY", TestBars.at(9, 30, 1), TestBars.at(9, 30, 2), 40, 40, 40, 40, 300, 40));

    /** Deliverable 3: session VWAP starts again at the regular open; before it, it is pre-market VWAP. */
    @Test
    void startsAgainAtTheRegularOpen() {
        // the first regular second is NaN: a break between the pre-market line and the session's
        assertArrayEquals(new double[] {10, 15, Double.NaN, 37.5}, SessionVwap.atCloses(AROUND_THE_OPEN,
                AROUND_THE_OPEN), 1e-9);
    }

    @Test
    void aCandleReadsEverySecondOfTheDayUpToItsClose() {
        List<Bar> minutes = Candles.resample(AROUND_THE_OPEN, 60); // 09:29 (pre-market) and 09:30
        assertArrayEquals(new double[] {15, Double.NaN}, SessionVwap.atCloses(AROUND_THE_OPEN, minutes), 1e-9);
        List<Bar> later = List.of(Bar.of("SPY", TestBars.at(9, 31, 0), TestBars.at(9, 31, 1), 50, 50, 50, 50, 400, 50));
        List<Bar> day = new java.util.ArrayList<>(AROUND_THE_OPEN);
        day.addAll(later);
        assertEquals((30 * 100 + 40 * 300 + 50 * 400) / 800.0, SessionVwap.atCloses(day, later)[0], 1e-9,
                "from the regular open, not from the first candle shown");
    }

    @Test
    void theAnchorIsTheRegularOpenOrTheDaysStart() {
        assertEquals(TestBars.at(9, 30, 0), SessionVwap.anchor(TestBars.at(15, 59, 59)));
        assertEquals(TestBars.at(9, 30, 0), SessionVwap.anchor(TestBars.at(19, 0, 0)), "after hours: the session's");
        assertEquals(ExchangeTime.startOfDay(TestBars.DAY), SessionVwap.anchor(TestBars.at(9, 29, 59)));
    }
}
