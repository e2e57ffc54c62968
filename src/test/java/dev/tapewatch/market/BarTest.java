package dev.tapewatch.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarTest {
    private static final long T = 1_704_205_800_000L;

    private static Bar bar(String symbol, long start, long end, double open, double high, double low, double close,
                           double volume) {
        return new Bar(symbol, start, end, open, high, low, close, volume, close, 0, 0, 0, 0, false);
    }

    private static void assertRejected(String field, Runnable construction) {
        InvalidBarException e = assertThrows(InvalidBarException.class, construction::run);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void acceptsAValidBarAndDottedTickers() {
        Bar bar = bar("BRK.B", T, T + 1000, 10, 11, 9, 10.5, 200);
        assertEquals("BRK.B", bar.symbol());
        assertEquals(200, bar.volume());
    }

    @Test
    void rejectsEachBrokenRuleNamingTheFieldAndValue() {
        assertRejected("high", () -> bar("SPY", T, T + 1000, 10, 10.4, 9, 10.5, 1));
        assertRejected("low", () -> bar("SPY", T, T + 1000, 10, 11, 10.2, 10.5, 1));
        assertRejected("volume", () -> bar("SPY", T, T + 1000, 10, 11, 9, 10.5, -1));
        assertRejected("open", () -> bar("SPY", T, T + 1000, Double.NaN, 11, 9, 10.5, 1));
        assertRejected("close", () -> bar("SPY", T, T + 1000, 10, 11, 9, Double.POSITIVE_INFINITY, 1));
        assertRejected("end", () -> bar("SPY", T, T, 10, 11, 9, 10.5, 1));
        assertRejected("symbol", () -> bar("spy", T, T + 1000, 10, 11, 9, 10.5, 1));
        assertRejected("symbol", () -> bar("S P", T, T + 1000, 10, 11, 9, 10.5, 1));
        InvalidBarException e = assertThrows(InvalidBarException.class,
                () -> bar("SPY", T, T + 1000, 10, 10.4, 9, 10.5, 1));
        assertTrue(e.getMessage().contains("10.4"), e.getMessage());
    }

    @Test
    void parsesSymbolListsInAnyCase() {
        assertEquals(List.of("SPY", "AAPL", "BRK.B"), Symbols.parseList("spy, AAPL,brk.b spy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Symbols.parseList("SPY,$$"));
        assertTrue(e.getMessage().contains("'$$'"), e.getMessage());
    }
}
