package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
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
}
