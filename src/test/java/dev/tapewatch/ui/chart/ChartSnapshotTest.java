package dev.tapewatch.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.ui.common.ChartFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSnapshotTest {
    @Test
    void theAverageDoesNotClimbFromZeroWhenTheSeriesBegins() {
        long t = TestBars.at(10, 0, 0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            bars.add(Bar.of("SPY", t + i * 1000L, t + i * 1000L + 1000, 10, 10, 10, 10, 100, 10));
        }
        ChartSnapshot snapshot = ChartSnapshot.of(bars, List.of(), List.of(), List.of(), 60, null);
        for (int i = 0; i < 120; i++) {
            assertEquals(100, snapshot.average()[i], 1e-9, "second " + i);
        }
        // seconds without a bar inside the series still count as quiet: after 10 s of nothing, 50 s of 100
        List<Bar> gapped = new ArrayList<>(bars.subList(0, 60));
        gapped.add(Bar.of("SPY", t + 70_000, t + 71_000, 10, 10, 10, 10, 100, 10));
        ChartSnapshot after = ChartSnapshot.of(gapped, List.of(), List.of(), List.of(), 60, null);
        assertEquals(50 * 100 / 60.0, after.average()[60], 1e-9);
    }

    /** Deliverable 2: 5 s candles from seconds, exact, aligned to the clock; volume and VWAP resampled alike. */
    @Test
    void secondsBecomeCandlesAlignedToTheClock() {
        long t = TestBars.at(10, 0, 3); // starts mid-candle: the first 5 s candle holds two seconds
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double p = 100 + i;
            bars.add(Bar.of("SPY", t + i * 1000L, t + i * 1000L + 1000, p, p + 0.5, p - 0.5, p + 0.25, 10 * (i + 1), p));
        }
        ChartSnapshot snapshot = ChartSnapshot.build(new ChartSnapshot.Request("SPY", bars, Long.MIN_VALUE,
                Long.MAX_VALUE, 5, List.of(), List.of(), List.of(), 60, Double.NaN, null));
        assertEquals(3, snapshot.candles().size()); // 10:00:00 (seconds 3-4), :05 (5-9), :10 (10-14)
        Bar second = snapshot.candles().get(1); // 10:00:05 to 10:00:10: bars 2..6
        assertEquals(TestBars.at(10, 0, 5), second.start());
        assertEquals(102, second.open(), 1e-9);
        assertEquals(106.5, second.high(), 1e-9);
        assertEquals(101.5, second.low(), 1e-9);
        assertEquals(106.25, second.close(), 1e-9);
        assertEquals(30 + 40 + 50 + 60 + 70, second.volume(), 1e-9);
        assertEquals((102 * 30 + 103 * 40 + 104 * 50 + 105 * 60 + 106 * 70) / 250.0, second.vwap(), 1e-9);
        assertEquals(12, snapshot.seconds().size(), "a selection still counts seconds");
    }

    /** Defect 9: a price spike's band speaks of the move, not of a volume multiple ("price 516x"). */
    @Test
    void aPriceSpikeIsLabelledByItsMove() {
        Spike price = new Spike("SPY", 0, 1000, 0, Spike.Kind.PRICE, 4.24, 516);
        assertEquals("price 4.2σ", ChartFormat.describe(price));
        assertEquals("burst 12x", ChartFormat.describe(new Spike("SPY", 0, 1000, 0, Spike.Kind.VOLUME, 9, 12.2)));
        assertEquals("block 30x + price", ChartFormat.describe(
                new Spike("SPY", 0, 1000, 0, Spike.Kind.BOTH, 30, 30.4, Spike.Prints.BLOCK)));
    }
}
