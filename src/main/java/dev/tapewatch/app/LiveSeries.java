package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Bars;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent bars of every symbol, for live charts and the watchlist. Written by the feed's delivery thread,
 * read by the UI's pulse: readers copy under a short per-symbol lock and never wait on I/O.
 */
public final class LiveSeries implements FeedListener {
    /** A full extended-hours day of second bars, with room to spare. */
    public static final int CAPACITY = 64_000;

    /** What a watchlist row shows; {@code version} changes whenever the symbol's bars do. */
    public record Quote(String symbol, double last, double dayOpen, double dayVolume, long lastBarStart, long version) {
    }

    private static final class Series {
        final List<Bar> bars = new ArrayList<>();
        long version;
        double firstOpen;
        double volume;
    }

    private final Map<String, Series> bySymbol = new ConcurrentHashMap<>();

    @Override
    public void bars(List<Bar> bars) {
        for (Bar bar : bars) {
            Series series = bySymbol.computeIfAbsent(bar.symbol(), s -> new Series());
            synchronized (series) {
                add(series, bar);
                series.version++;
            }
        }
    }

    /** A second that lost all its trades leaves the chart. */
    @Override
    public void removed(List<dev.tapewatch.feed.SecondAggregator.Removed> removed) {
        for (dev.tapewatch.feed.SecondAggregator.Removed second : removed) {
            Series series = bySymbol.get(second.symbol());
            if (series == null) {
                continue;
            }
            synchronized (series) {
                int index = Bars.firstAtOrAfter(series.bars, second.start());
                if (index < series.bars.size() && series.bars.get(index).start() == second.start()) {
                    series.volume -= series.bars.remove(index).volume();
                    series.version++;
                }
            }
        }
    }

    /**
     * Merges older bars (a page of history, in time order) into the symbol's series in one pass; a stored
     * second that is already here is replaced.
     */
    public void merge(List<Bar> older) {
        if (older.isEmpty()) {
            return;
        }
        Series series = bySymbol.computeIfAbsent(older.get(0).symbol(), s -> new Series());
        synchronized (series) {
            List<Bar> merged = new ArrayList<>(series.bars.size() + older.size());
            int i = 0;
            int j = 0;
            List<Bar> mine = series.bars;
            while (i < mine.size() || j < older.size()) {
                if (j == older.size() || (i < mine.size() && mine.get(i).start() < older.get(j).start())) {
                    merged.add(mine.get(i++));
                } else {
                    if (i < mine.size() && mine.get(i).start() == older.get(j).start()) {
                        i++;
                    }
                    merged.add(older.get(j++));
                }
            }
            if (merged.size() > CAPACITY) {
                merged.subList(0, merged.size() - CAPACITY).clear();
            }
            series.bars.clear();
            series.bars.addAll(merged);
            series.firstOpen = merged.get(0).open();
            series.volume = merged.stream().mapToDouble(Bar::volume).sum();
            series.version++;
        }
    }

    private static void add(Series series, Bar bar) {
        List<Bar> bars = series.bars;
        int last = bars.size() - 1;
        if (last < 0 || bars.get(last).start() < bar.start()) {
            bars.add(bar);
            series.volume += bar.volume();
            if (bars.size() == 1) {
                series.firstOpen = bar.open();
            }
            if (bars.size() > CAPACITY) {
                bars.subList(0, bars.size() - CAPACITY).clear();
            }
            return;
        }
        int index = Collections.binarySearch(bars, bar, (a, b) -> Long.compare(a.start(), b.start()));
        if (index >= 0) {
            series.volume += bar.volume() - bars.get(index).volume();
            bars.set(index, bar); // a re-sent bar replaces its second
        } else {
            bars.add(-index - 1, bar);
            series.volume += bar.volume();
        }
    }

    /** A copy of the symbol's bars with start in [from, to), in time order. */
    public List<Bar> bars(String symbol, long from, long to) {
        Series series = bySymbol.get(symbol);
        if (series == null) {
            return List.of();
        }
        synchronized (series) {
            List<Bar> bars = series.bars;
            int low = Bars.firstAtOrAfter(bars, from);
            int high = Bars.firstAtOrAfter(bars, to);
            return new ArrayList<>(bars.subList(low, high));
        }
    }

    public long version(String symbol) {
        Series series = bySymbol.get(symbol);
        if (series == null) {
            return 0;
        }
        synchronized (series) {
            return series.version;
        }
    }

    /** The watchlist's view of a symbol, or null before its first bar. */
    public Quote quote(String symbol) {
        Series series = bySymbol.get(symbol);
        if (series == null) {
            return null;
        }
        synchronized (series) {
            if (series.bars.isEmpty()) {
                return null;
            }
            Bar last = series.bars.get(series.bars.size() - 1);
            double dayOpen = last.dayOpen() > 0 ? last.dayOpen() : series.firstOpen;
            double volume = last.accumulatedVolume() > 0 ? last.accumulatedVolume() : series.volume;
            return new Quote(symbol, last.close(), dayOpen, volume, last.start(), series.version);
        }
    }
}
