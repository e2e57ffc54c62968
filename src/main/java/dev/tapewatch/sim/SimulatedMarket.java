package dev.tapewatch.sim;

import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic market: the same seed, symbol and date always give the same bars and the same
 * injected events, whatever else is asked for and in whatever order.
 */
public final class SimulatedMarket {
    /**
     * Rate and size of injected events; {@code blockShare} of them are a few large block prints rather than a
     * burst of trades, and with {@code regularHoursOnly} they fall between 09:35 and 15:55 (a whole market's thin
     * names trade too seldom before the open for any baseline to exist).
     */
    public record EventSettings(double perSymbolPerHour, double minMultiple, double maxMultiple,
                                double priceJumpShare, int maxSeconds, double blockShare, boolean regularHoursOnly) {
        public static final EventSettings DEFAULT = new EventSettings(1.5, 8, 40, 0.5, 6, 0, false);
        public static final EventSettings NONE = new EventSettings(0, 0, 0, 0, 0, 0, false);
        /** A whole market: a few events an hour per hundred symbols, half of them block prints. */
        public static final EventSettings MARKET = new EventSettings(0.04, 12, 40, 0.5, 4, 0.5, true);
    }

    private final long seed;
    private final EventSettings eventSettings;
    private final Map<String, SimSymbol> universe;

    public SimulatedMarket(long seed) {
        this(seed, EventSettings.DEFAULT);
    }

    public SimulatedMarket(long seed, EventSettings eventSettings) {
        this(seed, eventSettings, Map.of());
    }

    /** A market whose symbols in {@code universe} trade as given there (others as {@link SimSymbol#of}). */
    public SimulatedMarket(long seed, EventSettings eventSettings, Map<String, SimSymbol> universe) {
        this.seed = seed;
        this.eventSettings = eventSettings;
        this.universe = Map.copyOf(universe);
    }

    public long seed() {
        return seed;
    }

    /** A generator of the symbol's bars for the day, from 04:00 to 20:00 America/New_York. */
    public SymbolDay day(String symbol, LocalDate date) {
        return new SymbolDay(universe.getOrDefault(symbol, SimSymbol.of(symbol)), date, random(symbol, date, 1),
                events(symbol, date));
    }

    /** The events injected into the symbol on that day, in time order: the ground truth for detectors. */
    public List<InjectedEvent> events(String symbol, LocalDate date) {
        List<InjectedEvent> events = new ArrayList<>();
        if (eventSettings.perSymbolPerHour() <= 0) {
            return events;
        }
        SplittableRandom random = random(symbol, date, 2);
        // The opening cross: every symbol prints a burst at 09:30:00, as real ones do in the opening auction.
        long bell = ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_OPEN);
        InjectedEvent openingCross = new InjectedEvent(symbol, bell, bell + 1000, 20 + 10 * random.nextDouble(), 0);
        long open = eventSettings.regularHoursOnly() ? bell : ExchangeTime.toEpochMillis(date, ExchangeTime.PRE_MARKET_OPEN);
        long close = eventSettings.regularHoursOnly()
                ? ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_CLOSE) - 300_000
                : ExchangeTime.toEpochMillis(date, ExchangeTime.AFTER_HOURS_CLOSE);
        double meanGapSeconds = 3600 / eventSettings.perSymbolPerHour();
        // The first five minutes stay quiet so a detector's window can fill; events keep two minutes apart.
        long t = open + 300_000;
        while (true) {
            t += 120_000 + (long) (-Math.log(1 - random.nextDouble()) * meanGapSeconds) * 1000;
            int seconds = random.nextDouble() < 0.35 ? 1 : 1 + random.nextInt(Math.max(1, eventSettings.maxSeconds()));
            if (t + seconds * 1000L > close) {
                break;
            }
            double multiple = eventSettings.minMultiple()
                    + random.nextDouble() * (eventSettings.maxMultiple() - eventSettings.minMultiple());
            double jump = 0;
            if (random.nextDouble() < eventSettings.priceJumpShare()) {
                jump = (random.nextBoolean() ? 1 : -1) * (0.003 + random.nextDouble() * 0.012);
            }
            boolean block = eventSettings.blockShare() > 0 && random.nextDouble() < eventSettings.blockShare();
            if (t + seconds * 1000L + 120_000 > openingCross.start() && t < openingCross.end() + 120_000) {
                continue; // keep clear of the opening cross
            }
            events.add(new InjectedEvent(symbol, t, t + seconds * 1000L, multiple, jump, block));
            t += seconds * 1000L;
        }
        events.add(openingCross);
        events.sort(java.util.Comparator.comparingLong(InjectedEvent::start));
        return events;
    }

    private SplittableRandom random(String symbol, LocalDate date, int stream) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ symbol.hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ date.toEpochDay() * 0x165667B19E3779F9L ^ stream;
        return new SplittableRandom(mixed);
    }
}
