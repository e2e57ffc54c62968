package dev.tapewatch.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.TestBars;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayLevelsTest {
    private static Bar second(int hour, int minute, double price, double dayOpen) {
        long start = TestBars.at(hour, minute, 0);
        return new Bar("SPY", start, start + 1000, price, price + 1, price - 1, price, 100, price, Double.NaN, dayOpen,
                Double.NaN, Double.NaN, false);
    }

    @Test
    void theOpenIsTheFirstRegularSecondsAndHighAndLowSpanTheDay() {
        DayLevels levels = DayLevels.of(List.of(second(8, 0, 50, Double.NaN), second(9, 30, 30, Double.NaN),
                second(9, 31, 40, Double.NaN), second(17, 0, 20, Double.NaN)), 29.5);
        assertEquals(new DayLevels(29.5, 30, 51, 19), levels);
    }

    @Test
    void theProvidersOfficialOpenComesFirst() {
        assertEquals(31.25, DayLevels.of(List.of(second(9, 30, 30, 31.25)), Double.NaN).dayOpen());
    }

    @Test
    void anEmptyDayKnowsOnlyThePreviousClose() {
        assertEquals(new DayLevels(29.5, Double.NaN, Double.NaN, Double.NaN), DayLevels.of(List.of(), 29.5));
    }
}
