package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSeriesTest {
    @Test
    void keepsBarsInTimeOrderAndReplacesResentSeconds() {
        LiveSeries series = new LiveSeries();
        List<Bar> day = TestBars.day("SPY", 30);
        series.bars(day.subList(0, 20));
        series.bars(List.of(day.get(25), day.get(20)));
        Bar resent = Bar.of("SPY", day.get(5).start(), day.get(5).end(), 1, 2, 0.5, 1.5, 77, 1.2);
        series.bars(List.of(resent));
        List<Bar> all = series.bars("SPY", 0, Long.MAX_VALUE);
        assertEquals(22, all.size());
        assertEquals(resent, all.get(5));
        assertEquals(day.get(20), all.get(20));
        assertEquals(day.get(25), all.get(21));
        assertEquals(day.subList(10, 15), series.bars("SPY", day.get(10).start(), day.get(15).start()));
        assertEquals(23, series.version("SPY"), "one version per bar received");
    }

    @Test
    void quotesTheLatestBarWithTheDayOpenAndVolume() {
        LiveSeries series = new LiveSeries();
        assertNull(series.quote("SPY"));
        List<Bar> day = TestBars.day("SPY", 10);
        series.bars(day);
        LiveSeries.Quote quote = series.quote("SPY");
        Bar last = day.get(9);
        assertEquals(last.close(), quote.last());
        assertEquals(last.dayOpen(), quote.dayOpen());
        assertEquals(last.accumulatedVolume(), quote.dayVolume());
    }

    @Test
    void holdsAtMostOneDayOfBarsPerSymbol() {
        LiveSeries series = new LiveSeries();
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < LiveSeries.CAPACITY + 500; i++) {
            bars.add(Bar.of("F", 1_704_205_800_000L + i * 1000L, 1_704_205_801_000L + i * 1000L, 12, 12, 12, 12, 100, 12));
        }
        series.bars(bars);
        List<Bar> kept = series.bars("F", 0, Long.MAX_VALUE);
        assertEquals(LiveSeries.CAPACITY, kept.size());
        assertEquals(bars.get(500), kept.get(0));
    }
}
