package dev.tapewatch.serve;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A stored day served as if it were live ({@link PulledSource}): every stored bar of the chosen symbols
 * once, in time order, from a chosen time to the day's last bar. The day is read into memory when made (a busy
 * symbol's day is 57,600 bars), so serving it never waits on the database.
 */
public final class StoredDaySource implements PulledSource {
    private final List<String> symbols;
    private final Map<String, NavigableMap<Long, Bar>> bySecond = new HashMap<>();
    private final long first;
    private final long last;
    private final long bars;

    /**
     * @param symbols what to replay; empty: every symbol stored that day
     * @param from    the time to begin at (epoch ms), or null for the day's first bar
     * @throws IllegalArgumentException naming the date when nothing of it is stored from {@code from} on
     */
    public StoredDaySource(BarStore store, LocalDate date, List<String> symbols, Long from) {
        this.symbols = symbols.isEmpty() ? store.days(null).stream().filter(day -> day.date().equals(date))
                .map(DayCount::symbol).toList() : List.copyOf(symbols);
        // a time outside the day must not reach into another day's bars
        long begin = Math.max(from != null ? from : Long.MIN_VALUE, ExchangeTime.startOfDay(date));
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        long count = 0;
        for (String symbol : this.symbols) {
            NavigableMap<Long, Bar> seconds = new TreeMap<>();
            store.forEachBar(symbol, begin, ExchangeTime.endOfDay(date),
                    bar -> seconds.put(Math.floorDiv(bar.start(), 1000) * 1000, bar));
            bySecond.put(symbol, seconds);
            if (!seconds.isEmpty()) {
                earliest = Math.min(earliest, seconds.firstKey());
                latest = Math.max(latest, seconds.lastKey());
                count += seconds.size();
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("Nothing stored for " + date
                    + (this.symbols.isEmpty() ? "" : " of " + String.join(", ", this.symbols))
                    + (from != null ? " from " + ExchangeTime.localDateTime(from).toLocalTime() : "")
                    + ". List the stored days with: tapewatch days");
        }
        this.first = earliest;
        this.last = latest;
        this.bars = count;
    }

    /** The first second served: the earliest stored bar at or after the chosen time. */
    public long first() {
        return first;
    }

    public long bars() {
        return bars;
    }

    @Override
    public Bar bar(String symbol, long second) {
        NavigableMap<Long, Bar> seconds = bySecond.get(symbol);
        return seconds == null ? null : seconds.get(second);
    }

    @Override
    public long next(long second) {
        return second >= last ? Long.MAX_VALUE : second + 1000;
    }

    @Override
    public List<Bar> history(String symbol, long from, long to) {
        NavigableMap<Long, Bar> seconds = bySecond.get(symbol);
        return seconds == null ? List.of() : new ArrayList<>(seconds.subMap(from, true, to, false).values());
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    /** Every stored bar once: the day starts when its first listener has subscribed. */
    @Override
    public boolean waitsForFirstClient() {
        return true;
    }
}
