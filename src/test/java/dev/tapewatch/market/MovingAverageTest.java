package dev.tapewatch.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MovingAverageTest {
    @Test
    void unknownUntilThereAreEnoughValues() {
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2, 3, 4},
                MovingAverage.simple(new double[] {1, 2, 3, 4, 5}, 3, 0), 1e-12);
    }

    /** #27 defect 10: the values before a window warm its average up, so it starts at the window's left edge. */
    @Test
    void valuesBeforeTheSkipOnlyWarmItUp() {
        assertArrayEquals(new double[] {3, 4}, MovingAverage.simple(new double[] {1, 2, 3, 4, 5}, 3, 3), 1e-12);
        assertArrayEquals(new double[] {Double.NaN, 1.5}, MovingAverage.simple(new double[] {1, 2}, 2, 0), 1e-12);
    }
}
