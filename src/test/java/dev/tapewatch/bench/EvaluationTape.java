package dev.tapewatch.bench;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.InjectedEvent;
import dev.tapewatch.sim.Poisson;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A second evaluation tape for the spike detector, written apart from the simulator and on other assumptions,
 * so the detector is not judged only on the model it was tuned on:
 * <ul>
 *   <li>trades arrive in clusters (a self-exciting rate: each trade raises the rate for a few seconds), on a
 *       base rate that drifts minute by minute (a log random walk) over an intraday profile;</li>
 *   <li>trade sizes are lognormal round lots with occasional block prints, so second volumes are heavy-tailed;</li>
 *   <li>thick names trade tens of times a second, thin ones a few times a minute (most seconds empty);</li>
 *   <li>the events to find: 10x to 40x what a trading second of that symbol usually carries, for 1 to 5 s, half
 *       with a 0.3-1% price jump, some decaying; two thirds are bursts of many ordinary trades, a third block
 *       prints (2 to 4 large trades in each second of the event, the trade count hardly moved);</li>
 *   <li>seconds of ordinary trades that reach 10x a traded second's mean volume by themselves (the size
 *       distribution's tail, a block print in a thin name) are spikes by definition but not events: neither
 *       right nor wrong, and counted ({@link Day#natural()});</li>
 *   <li>things that are not spikes: the opening cross (9:30:00, tens of times a normal second's volume: scored
 *       as neither right nor wrong), a steady 10-minute ramp of the rate to 4x and back, and a 5-minute
 *       recording outage after which the price has moved (a spike in the 10 s after it is wrong).</li>
 * </ul>
 * Bars exist only for seconds with trades, as a provider sends them.
 */
public final class EvaluationTape {
    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final int SECONDS = 16 * 3600;
    private static final int EVENT_SPACING_SECONDS = 1_500;
    /** A second this many times a traded second's mean volume is a spike by definition, injected or not. */
    private static final double NATURAL_MULTIPLE = 10;

    /**
     * A symbol's day: its bars, the events to find, and the spans where a spike is neither right nor wrong (the
     * opening cross). A spike anywhere else off an event, the ramp and the outage included, is wrong.
     */
    public record Day(String symbol, List<Bar> bars, List<InjectedEvent> events, List<long[]> excused) {
        /** Excused seconds other than the opening cross: ordinary trades that made a spike by themselves. */
        public int natural() {
            return Math.max(0, excused.size() - 1);
        }
    }

    private EvaluationTape() {
    }

    /** Symbol {@code index} of {@code count}: the first third thick, the last third thin. */
    public static Day day(long seed, LocalDate date, int index, int count) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String symbol = "EV" + SyntheticBars.symbol(index).substring(1);
        double baseRate = index < count / 3 ? 15 + random.nextDouble() * 45
                : index < 2 * count / 3 ? 0.8 + random.nextDouble() * 4 : 0.03 + random.nextDouble() * 0.25;
        double sizeSigma = 0.7 + random.nextDouble() * 0.5;
        // about 0.02% a second for a busy name, a larger step per trade for a thin one
        double tradeVolatility = 0.00025 / Math.sqrt(1 + baseRate);
        long dayStart = ExchangeTime.toEpochMillis(date, LocalTime.of(4, 0));
        long open = ExchangeTime.toEpochMillis(date, OPEN);
        int openSecond = (int) ((open - dayStart) / 1000);

        int outageStart = openSecond + 3_600 + random.nextInt(3 * 3_600);
        int outageEnd = outageStart + 300;
        int rampStart = openSecond + 5 * 3_600 + random.nextInt(3_600);
        // a traded second's mean volume: trades when trading times the mean size (lognormal round lots)
        double meanSize = 100 * Math.exp(sizeSigma * sizeSigma / 2);
        List<int[]> bursts = new ArrayList<>(); // start second, length, multiple ×100, jump in bp, block (1) or not
        for (int s = 600 + random.nextInt(EVENT_SPACING_SECONDS); s < SECONDS - 60;
             s += EVENT_SPACING_SECONDS / 2 + random.nextInt(EVENT_SPACING_SECONDS)) {
            boolean nearOther = Math.abs(s - openSecond) < 300 || (s > outageStart - 60 && s < outageEnd + 60)
                    || (s > rampStart - 60 && s < rampStart + 660);
            if (!nearOther) {
                bursts.add(new int[] {s, 1 + random.nextInt(5), 1_000 + random.nextInt(3_001),
                        random.nextBoolean() ? 30 + random.nextInt(71) : 0, random.nextInt(3) == 0 ? 1 : 0});
            }
        }

        List<Bar> bars = new ArrayList<>();
        List<long[]> excused = new ArrayList<>();
        List<InjectedEvent> events = new ArrayList<>();
        double price = 20 + random.nextDouble() * 400;
        double drift = 0;
        double excitation = 0;
        int nextBurst = 0;
        for (int s = 0; s < SECONDS; s++) {
            if (s % 60 == 0) {
                drift = Math.max(-1.5, Math.min(1.5, drift + random.nextGaussian() * 0.12));
            }
            double profile = s < openSecond || s >= openSecond + 6 * 3_600 + 1_800 ? 0.15
                    : 1 + 1.5 * Math.exp(-(s - openSecond) / 1_800.0);
            double ramp = s >= rampStart && s < rampStart + 600
                    ? 1 + 3 * (1 - Math.abs(s - rampStart - 300) / 300.0) : 1;
            double rate = baseRate * profile * Math.exp(drift) * ramp;
            double multiple = 1;
            double jump = 0;
            boolean block = false;
            if (nextBurst < bursts.size() && s >= bursts.get(nextBurst)[0]) {
                int[] burst = bursts.get(nextBurst);
                int into = s - burst[0];
                if (into < burst[1]) {
                    boolean decaying = burst[0] % 3 == 0;
                    multiple = burst[2] / 100.0 * (decaying ? Math.pow(0.6, into) : 1);
                    multiple = Math.max(multiple, 10);
                    jump = into == 0 ? burst[3] / 10_000.0 : 0;
                    block = burst[4] == 1;
                    if (into == 0) {
                        long start = dayStart + s * 1000L;
                        events.add(new InjectedEvent(symbol, start, start + burst[1] * 1000L, burst[2] / 100.0,
                                jump, block));
                    }
                } else {
                    nextBurst++;
                }
            }
            int trades = Poisson.sample(random, rate + excitation);
            excitation = excitation * 0.6 + trades * 0.2;
            int blockPrints = 0;
            double blockSize = 0;
            double tradesWhenTrading = (rate + excitation) / (1 - Math.exp(-(rate + excitation)));
            if (block) {
                // a few large prints on top of the second's ordinary trades, together this many times a traded second
                blockPrints = 2 + random.nextInt(3);
                blockSize = 100 * Math.round(multiple * Math.max(1, tradesWhenTrading) * meanSize / blockPrints / 100);
            } else if (multiple > 1) {
                // a burst: this many times what a second that trades usually carries (for a thin name that is a
                // trade or two, not the day's average second, which is mostly empty seconds)
                trades = (int) Math.ceil(multiple * Math.max(1, tradesWhenTrading));
            }
            if (s == openSecond) {
                trades += (int) Math.max(20, baseRate * 40);
            }
            if (trades + blockPrints == 0 || (s >= outageStart && s < outageEnd)) {
                price *= 1 + random.nextGaussian() * tradeVolatility * Math.sqrt(Math.max(rate, 0.05));
                continue;
            }
            long start = dayStart + s * 1000L;
            double open1 = price;
            double high = price;
            double low = price;
            double volume = 0;
            double notional = 0;
            if (jump > 0) {
                price *= 1 + (random.nextBoolean() ? jump : -jump);
            }
            for (int t = 0; t < trades; t++) {
                price = Math.max(0.5, price * (1 + random.nextGaussian() * tradeVolatility));
                price = Math.round(price * 100) / 100.0;
                double size = 100 * Math.max(1, Math.round(Math.exp(random.nextGaussian() * sizeSigma)));
                if (multiple == 1 && random.nextDouble() < 0.0005) {
                    size *= 5 + random.nextInt(10); // a block print
                }
                volume += size;
                notional += size * price;
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            for (int t = 0; t < blockPrints; t++) {
                volume += blockSize;
                notional += blockSize * price;
            }
            trades += blockPrints;
            if (multiple == 1 && s != openSecond
                    && volume >= NATURAL_MULTIPLE * Math.max(1, tradesWhenTrading) * meanSize) {
                // ordinary trades whose sizes (the lognormal's tail, a block print) alone made a spike by definition
                excused.add(new long[] {dayStart + s * 1000L, dayStart + s * 1000L + 1000});
            }
            double close = price;
            high = Math.max(high, Math.max(open1, close));
            low = Math.min(low, Math.min(open1, close));
            // as a Polygon second aggregate: with its average trade size (z), without the day fields
            bars.add(new Bar(symbol, start, start + 1000, open1, high, low, close, volume, notional / volume,
                    Double.NaN, Double.NaN, Double.NaN, volume / trades, false, Bar.Source.STREAM));
        }
        excused.add(new long[] {open, open + 1000});
        return new Day(symbol, bars, events, excused);
    }
}
