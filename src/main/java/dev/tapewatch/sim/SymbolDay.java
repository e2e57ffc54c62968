package dev.tapewatch.sim;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One symbol's simulated trading day, generated second by second from 04:00 to 20:00 America/New_York:
 * a geometric random walk on the symbol's tick size, Poisson trade counts shaped by an intraday U profile
 * (a second without trades has no bar), and the day's injected events. Seconds must be asked for in
 * increasing order; skipped seconds are still generated, so the bars never depend on what was asked.
 */
public final class SymbolDay {
    private static final int PRE_MARKET_SECONDS = 5 * 3600 + 1800;
    private static final int REGULAR_SECONDS = 6 * 3600 + 1800;
    private static final double SECONDS_PER_YEAR = 252.0 * 16 * 3600;

    private final SimSymbol symbol;
    private final SplittableRandom random;
    private final List<InjectedEvent> events;
    private final long first;
    private final long last;
    private final double sigma;
    private final double meanTradeSize;
    private long cursor;
    private int nextEvent;
    private double price;
    private double accumulated;
    private double vwapNumerator;
    private double dayOpen;

    SymbolDay(SimSymbol symbol, LocalDate date, SplittableRandom random, List<InjectedEvent> events) {
        this.symbol = symbol;
        this.random = random;
        this.events = events;
        this.first = ExchangeTime.toEpochMillis(date, ExchangeTime.PRE_MARKET_OPEN);
        this.last = ExchangeTime.toEpochMillis(date, ExchangeTime.AFTER_HOURS_CLOSE);
        this.sigma = symbol.volatility() / Math.sqrt(SECONDS_PER_YEAR);
        this.meanTradeSize = symbol.price() > 300 ? 60 : symbol.price() < 20 ? 250 : 100;
        this.cursor = first;
        // Each day opens a little away from the reference price, the same way for the same seed.
        this.price = symbol.price() * Math.exp(random.nextGaussian() * symbol.volatility() / Math.sqrt(252));
    }

    /** The bar of the second starting at {@code second} (epoch ms, whole second), or null without trades. */
    public Bar barAt(long second) {
        if (second < cursor) {
            throw new IllegalStateException("second " + second + " was already generated (next is " + cursor + ")");
        }
        if (second < first || second >= last) {
            return null;
        }
        while (cursor < second) {
            step(cursor, false);
            cursor += 1000;
        }
        Bar bar = step(second, true);
        cursor = second + 1000;
        return bar;
    }

    /** Bars with start in [from, to), generated on from where this day stands. */
    public List<Bar> bars(long from, long to) {
        List<Bar> bars = new ArrayList<>();
        long second = Math.max(alignUp(from), cursor);
        for (; second < Math.min(to, last); second += 1000) {
            Bar bar = barAt(second);
            if (bar != null) {
                bars.add(bar);
            }
        }
        return bars;
    }

    /** Expected volume of one second at this time of day: what "the local average" means for events. */
    public double expectedVolume(long second) {
        return symbol.tradesPerSecond() * profile(second) * meanTradeSize;
    }

    /**
     * What a burst is a multiple of: the expected volume of the moment, but at least half the symbol's
     * midday volume and at least the mean volume of a second that trades, so a burst in thin hours or in a thin
     * name is still a burst rather than one more ordinary trade.
     */
    public double burstBase(long second) {
        double intensity = symbol.tradesPerSecond() * profile(second);
        double tradedSecond = meanTradeSize * intensity / -Math.expm1(-intensity);
        return Math.max(Math.max(expectedVolume(second), 0.5 * 0.8 * symbol.tradesPerSecond() * meanTradeSize),
                tradedSecond);
    }

    private static long alignUp(long millis) {
        return Math.floorDiv(millis + 999, 1000) * 1000;
    }

    private Bar step(long t, boolean emit) {
        while (nextEvent < events.size() && events.get(nextEvent).end() <= t) {
            nextEvent++;
        }
        InjectedEvent event = nextEvent < events.size() && events.get(nextEvent).start() <= t
                ? events.get(nextEvent) : null;
        double intensity = symbol.tradesPerSecond() * profile(t);
        int trades = Poisson.sample(random, intensity);
        double previous = price;
        price *= Math.exp(sigma * random.nextGaussian());
        if (event != null && event.start() == t) {
            price *= 1 + event.priceJump();
        }
        double volume;
        if (event != null) {
            volume = Math.round(event.volumeMultiple() * burstBase(t) * (0.9 + 0.2 * random.nextDouble()));
            // a burst is that volume in ordinary trades; block prints are two to four large trades beside the usual
            trades = event.block() ? trades + 2 + (int) ((t / 1000) % 3)
                    : Math.max(trades, (int) Math.max(1, volume / meanTradeSize));
        } else if (trades > 0) {
            volume = 0;
            for (int i = 0; i < trades; i++) {
                volume += Math.max(1, Math.round(meanTradeSize * Math.exp(0.4 * random.nextGaussian() - 0.08)));
            }
        } else {
            return null;
        }
        double excursion = Math.abs(random.nextGaussian()) * sigma * price * Math.sqrt(trades);
        double upper = random.nextDouble();
        double lower = random.nextDouble();
        double tick = SimSymbol.tickSize(price);
        double open = round(previous, tick);
        double close = round(price, tick);
        double high = ceil(Math.max(open, close) + excursion * upper, tick);
        double low = Math.max(tick, floor(Math.min(open, close) - excursion * lower, tick));
        double vwap = Math.min(high, Math.max(low, Math.round((open + high + low + close) / 4 * 10_000) / 10_000.0));
        accumulated += volume;
        vwapNumerator += vwap * volume;
        if (dayOpen == 0 && t - first >= PRE_MARKET_SECONDS * 1000L) {
            dayOpen = open;
        }
        if (!emit) {
            return null;
        }
        double dayVwap = Math.round(vwapNumerator / accumulated * 10_000) / 10_000.0;
        return new Bar(symbol.symbol(), t, t + 1000, open, high, low, close, volume, vwap, accumulated, dayOpen,
                dayVwap, Math.round(volume / trades * 100) / 100.0, false);
    }

    /** Relative trading intensity: thin pre-market, a U over the regular session, fading after hours. */
    private double profile(long t) {
        double since = (t - first) / 1000.0;
        if (since < PRE_MARKET_SECONDS) {
            return 0.04 + 0.8 * Math.pow(since / PRE_MARKET_SECONDS, 6);
        }
        since -= PRE_MARKET_SECONDS;
        if (since < REGULAR_SECONDS) {
            double x = since / REGULAR_SECONDS;
            return 0.8 + 2.2 * Math.pow(2 * x - 1, 4);
        }
        since -= REGULAR_SECONDS;
        return 0.03 + 0.3 * Math.exp(-since / 3000);
    }

    private static double round(double value, double tick) {
        double scale = 1 / tick;
        return Math.round(value * scale) / scale;
    }

    private static double ceil(double value, double tick) {
        double scale = 1 / tick;
        return Math.ceil(value * scale - 1e-9) / scale;
    }

    private static double floor(double value, double tick) {
        double scale = 1 / tick;
        return Math.floor(value * scale + 1e-9) / scale;
    }
}
