package dev.tapewatch.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import org.junit.jupiter.api.Test;

class RollupTest {
    @Test
    void sumsABarsRunIntoOneCandle() {
        Rollup rollup = new Rollup();
        rollup.add(Bar.of("SPY", TestBars.at(10, 0, 0), TestBars.at(10, 0, 1), 10, 12, 9, 11, 100, 10.5));
        rollup.add(Bar.of("SPY", TestBars.at(10, 0, 1), TestBars.at(10, 0, 2), 11, 14, 10, 13, 300, 12.5));
        rollup.add(Bar.of("SPY", TestBars.at(10, 0, 2), TestBars.at(10, 0, 3), 13, 13, 8, 9, 0, 9));
        assertEquals(3, rollup.count());
        assertEquals(10, rollup.open());
        assertEquals(14, rollup.high());
        assertEquals(8, rollup.low());
        assertEquals(9, rollup.close());
        assertEquals(400, rollup.volume());
        assertEquals((10.5 * 100 + 12.5 * 300) / 400, rollup.vwap(), 1e-12);
    }

    @Test
    void nothingAddedOrNothingTradedHasNoPrices() {
        Rollup empty = new Rollup();
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.open()) && Double.isNaN(empty.high()) && Double.isNaN(empty.low())
                && Double.isNaN(empty.close()) && Double.isNaN(empty.vwap()));
        assertEquals(0, empty.volume());
        Rollup quiet = new Rollup();
        quiet.add(Bar.of("SPY", TestBars.at(10, 0, 0), TestBars.at(10, 0, 1), 10, 10, 10, 10, 0, 10));
        assertTrue(Double.isNaN(quiet.vwap()), "no volume, no VWAP");
        assertEquals(10, quiet.close());
    }
}
