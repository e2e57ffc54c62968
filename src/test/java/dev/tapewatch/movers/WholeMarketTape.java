package dev.tapewatch.movers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A whole market's tape for the movers' acceptance, written apart from the simulator ({@code sim}) and on its own
 * assumptions: {@code symbols} names, twenty deep ones trading 5 to 20 times a second and a long tail trading from
 * three times a second down to once in 100 s (log-uniform: most seconds of most names are empty), lognormal
 * round-lot sizes ({@link #SIZE_SIGMA}), a random walk on the cent. Events, one per chosen symbol: 12x to 40x the
 * symbol's mean volume of a traded second for 1 to 3 s, half bursts of many ordinary trades, half 2 to 4 block prints; half with a
 * 0.5-1.5% price jump. An event only goes to a symbol that has traded at least 15 seconds before it (no baseline
 * exists before that, for any detector). Each second is one frame of Polygon {@code A} events, as raw JSON text.
 */
final class WholeMarketTape {
    /**
     * Spread of ordinary trade sizes (lognormal, in round lots). Wider than this and ordinary seconds of a few
     * trades reach 10x by themselves: at 0.8, 19 such seconds in 2,500 names over 7 minutes, each a block print
     * by the definition, but no event here.
     */
    private static final double SIZE_SIGMA = 0.6;

    /** An injected event: [start, end) in epoch ms. */
    record Event(String symbol, long start, long end, boolean block, double multiple) {
    }

    private final long firstSecondMs;
    private final List<String> frames = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    /** {@code seconds} of tape from {@code firstSecondMs}, up to {@code eventCount} events from 40% to 95% of it. */
    WholeMarketTape(long seed, int symbols, int seconds, long firstSecondMs, int eventCount) {
        this.firstSecondMs = firstSecondMs;
        SplittableRandom random = new SplittableRandom(seed);
        double[] rate = new double[symbols];
        double[] price = new double[symbols];
        double[] meanSize = new double[symbols];
        double[] dayVolume = new double[symbols];
        int[] traded = new int[symbols];
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = name(i);
            rate[i] = i < 20 ? 5 + 15 * random.nextDouble() : Math.exp(Math.log(0.01) + random.nextDouble()
                    * (Math.log(3) - Math.log(0.01)));
            price[i] = Math.min(500, Math.max(2, Math.round(30 * Math.exp(random.nextGaussian()) * 100) / 100.0));
            meanSize[i] = 100 * Math.exp(SIZE_SIGMA * SIZE_SIGMA / 2);
        }
        // one event each for symbols picked at random, at a second in [40%, 95%) of the tape
        int[] eventSecond = new int[symbols];
        java.util.Arrays.fill(eventSecond, -1);
        for (int e = 0; e < eventCount * 2; e++) {
            int i = random.nextInt(symbols);
            eventSecond[i] = (int) (seconds * (0.4 + 0.55 * random.nextDouble()));
        }
        int[] eventLength = new int[symbols];
        boolean[] eventBlock = new boolean[symbols];
        double[] eventMultiple = new double[symbols];
        double[] eventJump = new double[symbols];
        for (int i = 0; i < symbols; i++) {
            eventLength[i] = 1 + random.nextInt(3);
            eventBlock[i] = random.nextBoolean();
            eventMultiple[i] = 12 + 28 * random.nextDouble();
            eventJump[i] = random.nextBoolean() ? (random.nextBoolean() ? 1 : -1) * (0.005 + 0.01 * random.nextDouble())
                    : 0;
        }
        int placed = 0;
        for (int s = 0; s < seconds; s++) {
            long start = firstSecondMs + s * 1000L;
            StringBuilder frame = new StringBuilder("[");
            for (int i = 0; i < symbols; i++) {
                int into = eventSecond[i] < 0 ? -1 : s - eventSecond[i];
                boolean inEvent = into >= 0 && into < eventLength[i] && (into > 0 || traded[i] >= 15)
                        && (into == 0 ? placed < eventCount : true);
                if (into == 0 && !inEvent) {
                    eventSecond[i] = -1; // too early in this name's day, or enough events: none here
                }
                if (into == 0 && inEvent) {
                    placed++;
                    events.add(new Event(names[i], start, start + eventLength[i] * 1000L, eventBlock[i],
                            eventMultiple[i]));
                }
                int trades = poisson(random, rate[i]);
                int blockPrints = 0;
                double blockSize = 0;
                double tradedSecondVolume = meanSize[i] * Math.max(1, rate[i] / (1 - Math.exp(-rate[i])));
                if (inEvent) {
                    double target = eventMultiple[i] * tradedSecondVolume;
                    if (eventBlock[i]) {
                        blockPrints = 2 + random.nextInt(3);
                        blockSize = Math.round(target / blockPrints / 100) * 100.0;
                    } else {
                        trades = Math.max(trades, (int) Math.ceil(target / meanSize[i]));
                    }
                }
                if (trades + blockPrints == 0) {
                    continue;
                }
                traded[i]++;
                double open = price[i];
                if (inEvent && into == 0 && eventJump[i] != 0) {
                    price[i] = Math.max(1, price[i] * (1 + eventJump[i]));
                }
                double high = Math.max(open, price[i]);
                double low = Math.min(open, price[i]);
                double volume = 0;
                double notional = 0;
                for (int t = 0; t < trades + blockPrints; t++) {
                    if (t < trades) {
                        double step = 1 + 0.0002 * random.nextGaussian();
                        price[i] = Math.max(1, Math.round(price[i] * step * 100) / 100.0);
                    }
                    double size = t < trades
                            ? 100 * Math.max(1, Math.round(Math.exp(SIZE_SIGMA * random.nextGaussian()))) : blockSize;
                    volume += size;
                    notional += size * price[i];
                    high = Math.max(high, price[i]);
                    low = Math.min(low, price[i]);
                }
                dayVolume[i] += volume;
                if (frame.length() > 1) {
                    frame.append(',');
                }
                frame.append(String.format(Locale.ROOT, "{\"ev\":\"A\",\"sym\":\"%s\",\"v\":%.0f,\"av\":%.0f,"
                                + "\"op\":%.2f,\"vw\":%.4f,\"o\":%.2f,\"c\":%.2f,\"h\":%.2f,\"l\":%.2f,\"a\":%.4f,"
                                + "\"z\":%.0f,\"s\":%d,\"e\":%d}", names[i], volume, dayVolume[i], open,
                        notional / volume, open, price[i], high, low, notional / volume,
                        volume / (trades + blockPrints), start, start + 1000));
            }
            frames.add(frame.append(']').toString());
        }
    }

    /** Tape second {@code index}'s frame (possibly "[]"). */
    String frame(int index) {
        return frames.get(index);
    }

    int seconds() {
        return frames.size();
    }

    long secondStart(int index) {
        return firstSecondMs + index * 1000L;
    }

    List<Event> events() {
        return events;
    }

    /** "X" and the index in letters (A, B, ..., BA, ...), one to one. */
    static String name(int index) {
        StringBuilder name = new StringBuilder();
        int n = index;
        do {
            name.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return "X" + name.reverse();
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
