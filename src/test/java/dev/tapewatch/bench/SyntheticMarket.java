package dev.tapewatch.bench;

import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A whole market's second bars, cheap to make, shaped like a feed's: prices on a cent tick in a random walk,
 * whole-share volumes, VWAPs to four decimals, the day fields carried from bar to bar. Symbol {@code k} trades in
 * a second with probability {@code 1 / (1 + k / 200)}: a few hundred symbols trade every second, most rarely
 * (8,000 symbols make about 740 bars a second, 43 M in an extended day). The movers simulator
 * ({@code simulate --market}) could take its place once it is there.
 */
final class SyntheticMarket {
    private final List<String> symbols = new ArrayList<>();
    private final long start;
    private final SplittableRandom random;
    private final double[] activity;
    private final double[] price;
    private final double[] accumulated;
    private final double[] notional;
    private final double[] dayOpen;

    SyntheticMarket(int count, long start, long seed) {
        this.start = start;
        this.random = new SplittableRandom(seed);
        activity = new double[count];
        price = new double[count];
        accumulated = new double[count];
        notional = new double[count];
        dayOpen = new double[count];
        for (int k = 0; k < count; k++) {
            symbols.add(SyntheticBars.symbol(k));
            activity[k] = 1 / (1 + k / 200.0);
            price[k] = cents(5 + random.nextInt(30_000) / 100.0);
        }
    }

    List<String> symbols() {
        return symbols;
    }

    long start() {
        return start;
    }

    /** The bars of market second {@code s} (from the start), in symbol order; call with s ascending. */
    List<Bar> second(int s) {
        long t = start + s * 1000L;
        List<Bar> bars = new ArrayList<>();
        for (int k = 0; k < activity.length; k++) {
            if (random.nextDouble() >= activity[k]) {
                continue;
            }
            double open = price[k];
            double close = Math.max(0.01, cents(open + (random.nextInt(7) - 3) * 0.01));
            double high = cents(Math.max(open, close) + random.nextInt(3) * 0.01);
            double low = Math.max(0.01, cents(Math.min(open, close) - random.nextInt(3) * 0.01));
            double vwap = Math.min(high, Math.max(low, Math.round((open + high + low + close) / 4 * 10_000) / 10_000.0));
            int trades = 1 + random.nextInt(20);
            double volume = trades * (1 + random.nextInt(300));
            accumulated[k] += volume;
            notional[k] += vwap * volume;
            if (dayOpen[k] == 0) {
                dayOpen[k] = open;
            }
            double dayVwap = Math.round(notional[k] / accumulated[k] * 10_000) / 10_000.0;
            bars.add(new Bar(symbols.get(k), t, t + 1000, open, high, low, close, volume, vwap, accumulated[k],
                    dayOpen[k], dayVwap, Math.round(volume / trades * 100) / 100.0, false));
            price[k] = close;
        }
        return bars;
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
