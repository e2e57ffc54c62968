package dev.tapewatch.bench;

import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;

/** Dense, cheap bars for storage benchmarks: every second of a range, for generated ticker names. */
final class SyntheticBars {
    private SyntheticBars() {
    }

    static String symbol(int index) {
        StringBuilder name = new StringBuilder("S");
        int value = index;
        do {
            name.append((char) ('A' + value % 26));
            value /= 26;
        } while (value > 0);
        return name.toString();
    }

    static Bar bar(String symbol, long start, int i) {
        double price = 50 + (i % 1000) * 0.01;
        return new Bar(symbol, start, start + 1000, price, price + 0.02, price - 0.01, price + 0.01, 100 + i % 900,
                price + 0.005, 1000L * i, 50, 50.4, 120, false);
    }

    /** {@code seconds} bars per symbol, interleaved by second as a feed would deliver them. */
    static List<Bar> interleaved(int symbols, long from, int seconds) {
        List<Bar> bars = new ArrayList<>(symbols * seconds);
        for (int s = 0; s < seconds; s++) {
            for (int k = 0; k < symbols; k++) {
                bars.add(bar(symbol(k), from + s * 1000L, s));
            }
        }
        return bars;
    }
}
