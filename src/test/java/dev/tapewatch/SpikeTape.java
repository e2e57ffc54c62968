package dev.tapewatch;

import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tape of second bars with spikes put in on purpose (apart from the simulator's own market): quiet, noisy
 * trading in a few symbols, and at set seconds one symbol trades many times its usual volume, or jumps in price,
 * or both. Every symbol trades every second.
 */
public final class SpikeTape {
    /** One injected event: at {@code second} (from the tape's start), {@code symbol} trades {@code volumeTimes} its
     * usual volume and moves {@code movePercent}. */
    public record Injected(String symbol, int second, double volumeTimes, double movePercent) {
    }

    private final long start;
    private final List<List<Bar>> seconds = new ArrayList<>();

    public SpikeTape(long start, List<String> symbols, int length, List<Injected> injected, long seed) {
        this.start = start;
        Random random = new Random(seed);
        double[] price = new double[symbols.size()];
        double[] day = new double[symbols.size()];
        for (int s = 0; s < symbols.size(); s++) {
            price[s] = 100 + 50 * s;
        }
        for (int t = 0; t < length; t++) {
            List<Bar> frame = new ArrayList<>();
            for (int s = 0; s < symbols.size(); s++) {
                String symbol = symbols.get(s);
                double volume = 1_000 * (0.8 + 0.4 * random.nextDouble());
                double move = (random.nextDouble() - 0.5) * 0.0002;
                for (Injected event : injected) {
                    if (event.symbol().equals(symbol) && event.second() == t) {
                        volume *= event.volumeTimes();
                        move = event.movePercent() / 100;
                    }
                }
                double open = price[s];
                double close = Math.round(open * (1 + move) * 100) / 100.0;
                day[s] += Math.round(volume);
                long second = start + t * 1_000L;
                frame.add(new Bar(symbol, second, second + 1_000, open, Math.max(open, close) + 0.01,
                        Math.min(open, close) - 0.01, close, Math.round(volume), (open + close) / 2, day[s], 100,
                        (open + close) / 2, 50, false));
                price[s] = close;
            }
            seconds.add(frame);
        }
    }

    public List<List<Bar>> seconds() {
        return seconds;
    }

    public long start() {
        return start;
    }

    /** Every bar of one symbol, in time order. */
    public List<Bar> bars(String symbol) {
        return seconds.stream().flatMap(List::stream).filter(bar -> bar.symbol().equals(symbol)).toList();
    }
}
