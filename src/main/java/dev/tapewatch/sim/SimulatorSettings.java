package dev.tapewatch.sim;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * How the simulated market runs: {@code speed} simulated seconds per real second ({@link SimClock#speedProblem})
 * from {@code start} (null: {@link SimClock#defaultStart}), {@code seed}, what {@code A.*} streams
 * ({@code symbols}) and their injected {@code events}; or, when {@code market} is above 0, a whole market of that
 * many symbols ({@link WholeMarket}) in place of the symbols.
 */
public record SimulatorSettings(double speed, long seed, Long start, List<String> symbols,
                                SimulatedMarket.EventSettings events, int market) {
    public static final SimulatorSettings DEFAULT = builder().build();

    public SimulatorSettings {
        SimClock.checkSpeed(speed);
        if (start != null && start > System.currentTimeMillis() + Bar.MAX_AHEAD_MILLIS) {
            throw new IllegalArgumentException("the start must not be more than a day ahead, was "
                    + ExchangeTime.localDateTime(start));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().speed(speed).seed(seed).start(start).symbols(symbols).events(events).market(market);
    }

    /** The same simulation serving a whole market of {@code count} symbols, with a whole market's events. */
    public SimulatorSettings wholeMarket(int count) {
        return toBuilder().market(count).events(SimulatedMarket.EventSettings.MARKET).build();
    }

    /** A new clock at this simulation's start and speed, running from now. */
    public SimClock clock() {
        return new SimClock(start != null ? start : SimClock.defaultStart(ZonedDateTime.now()), speed);
    }

    /** Settings from the defaults (speed 1, seed 1, the default start, the well-known symbols) and what is set. */
    public static final class Builder {
        private double speed = 1;
        private long seed = 1;
        private Long start;
        private List<String> symbols = SimSymbol.DEFAULTS;
        private SimulatedMarket.EventSettings events = SimulatedMarket.EventSettings.DEFAULT;
        private int market;

        private Builder() {
        }

        public Builder speed(double value) {
            speed = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder start(Long value) {
            start = value;
            return this;
        }

        public Builder symbols(List<String> value) {
            symbols = value;
            return this;
        }

        public Builder events(SimulatedMarket.EventSettings value) {
            events = value;
            return this;
        }

        /** A whole market of {@code count} symbols in place of the symbols; 0: not one. */
        public Builder market(int count) {
            market = count;
            return this;
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(speed, seed, start, symbols, events, market);
        }
    }
}
