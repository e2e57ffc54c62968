package dev.tapewatch.serve;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimClock;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.sim.SymbolDay;
import dev.tapewatch.sim.WholeMarket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The simulated market as a {@link PulledSource}: every weekday's extended hours, one day at a time. */
public final class SimulatedSource implements PulledSource {
    private final SimulatedMarket market;
    private final List<String> symbols;
    private final Map<String, SymbolDay> days = new HashMap<>();
    private LocalDate currentDate;

    private SimulatedSource(SimulatedMarket market, List<String> symbols) {
        this.market = market;
        this.symbols = List.copyOf(symbols);
    }

    /** The market {@code simulation} describes: its symbols, or a whole market in their place. */
    public static SimulatedSource of(SimulatorSettings simulation) {
        if (simulation.market() > 0) {
            return of(WholeMarket.of(simulation.market(), simulation.seed()), simulation.seed());
        }
        return new SimulatedSource(new SimulatedMarket(simulation.seed(), simulation.events()), simulation.symbols());
    }

    /** {@code whole}'s market for {@code seed}, every symbol on {@code A.*}. */
    public static SimulatedSource of(WholeMarket whole, long seed) {
        return new SimulatedSource(whole.market(seed), whole.symbols());
    }

    @Override
    public Bar bar(String symbol, long second) {
        LocalDate date = ExchangeTime.dayOf(second);
        if (!date.equals(currentDate)) {
            days.clear();
            currentDate = date;
        }
        return days.computeIfAbsent(symbol, s -> market.day(s, date)).barAt(second);
    }

    @Override
    public long next(long second) {
        long next = second + 1000;
        LocalDate date = ExchangeTime.dayOf(next);
        if (next >= ExchangeTime.toEpochMillis(date, ExchangeTime.AFTER_HOURS_CLOSE) || !ExchangeTime.isWeekday(date)) {
            return SimClock.nextSessionOpen(next);
        }
        return next;
    }

    @Override
    public List<Bar> history(String symbol, long from, long to) {
        List<Bar> bars = new ArrayList<>();
        LocalDate date = ExchangeTime.dayOf(from);
        while (ExchangeTime.startOfDay(date) < to) {
            long dayFrom = Math.max(from, ExchangeTime.startOfDay(date));
            long dayTo = Math.min(to, ExchangeTime.endOfDay(date));
            bars.addAll(market.day(symbol, date).bars(dayFrom, dayTo));
            date = date.plusDays(1);
        }
        return bars;
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }
}
