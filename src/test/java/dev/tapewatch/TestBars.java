package dev.tapewatch;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Deterministic bars for tests: awkward values on purpose (decimal volumes, many digits, tiny prices). */
public final class TestBars {
    public static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    private TestBars() {
    }

    public static long at(int hour, int minute, int second) {
        return ExchangeTime.toEpochMillis(DAY, LocalTime.of(hour, minute, second));
    }

    /** {@code count} one-second bars of {@code symbol} from 09:30:00 ET, every other second missing after 10. */
    public static List<Bar> day(String symbol, int count) {
        List<Bar> bars = new ArrayList<>(count);
        long start = at(9, 30, 0);
        double price = 472.65;
        long accumulated = 1_000_000;
        for (int i = 0; i < count; i++) {
            long second = start + 1000L * (i < 10 ? i : 10 + 2L * (i - 10));
            double open = price;
            double close = Math.round((price + ((i * 7919) % 13 - 6) * 0.01) * 100) / 100.0;
            double high = Math.max(open, close) + 0.005 * (i % 3);
            double low = Math.min(open, close) - 0.0025 * (i % 4);
            double volume = 100 + (i * 104729L) % 5000 + (i % 5 == 0 ? 0.5 : 0);
            accumulated += (long) volume;
            bars.add(new Bar(symbol, second, second + 1000, open, high, low, close, volume,
                    (open + close) / 2, accumulated, 472.65, 472.601234567, volume / 7.0, false));
            price = close;
        }
        return bars;
    }
}
