package dev.tapewatch.bench;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.movers.MoverFilter;
import dev.tapewatch.movers.MoversEngine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The movers engine on a whole market's feed, in this process (no websocket): 8,000 symbols, 5,000 of them
 * trading in each market second, handed over as frames at two market seconds per wall second (10,000 bars/s),
 * with a burst of six market seconds in one wall second (30,000 bars) every tenth second, 60 s of it after a
 * 5-minute warm-up; 100 injected events (bursts and block prints). Beside it the same feed with only a
 * watchlist's 30 symbols going through the engine. Figures: the engine's work per frame, how long after its
 * frame arrived each event's mover entered, the most bars a second it keeps up with, and the heap it holds.
 */
public final class MoversBench {
    private static final int SYMBOLS = 8_000;
    private static final int TRADING_PER_SECOND = 5_000;
    private static final int WARM_UP_SECONDS = 300;
    private static final int WALL_SECONDS = 60;
    private static final int EVENTS = 100;
    private static final int WATCHLIST = 30;

    private MoversBench() {
    }

    /** {@code runs} runs of the whole market and of the watchlist alone. */
    public static Map<String, Object> run(int runs) throws InterruptedException {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (boolean whole : new boolean[] {true, false}) {
            double[][] values = new double[6][runs];
            for (int r = 0; r < runs; r++) {
                double[] one = once(r + 1, whole ? SYMBOLS : WATCHLIST);
                for (int f = 0; f < one.length; f++) {
                    values[f][r] = one[f];
                }
            }
            String prefix = whole ? "market_" : "watchlist_";
            String[] names = {"frame_work_p50_ms", "frame_work_p99_ms", "entered_after_arrival_p95_ms",
                    "events_found", "max_bars_per_second", "heap_mb"};
            for (int f = 0; f < names.length; f++) {
                figures.put(prefix + names[f], new Spread(values[f]).figures());
            }
        }
        return figures;
    }

    /** One run: work p50, p99, delay p95, events found, bars/s at full speed, heap held (MB). */
    private static double[] once(long seed, int followed) throws InterruptedException {
        LocalDate day = LocalDate.of(2024, 1, 2);
        long first = ExchangeTime.toEpochMillis(day, LocalTime.of(10, 0));
        int marketSeconds = WARM_UP_SECONDS + WALL_SECONDS * 2 + WALL_SECONDS / 10 * 4;
        List<List<Bar>> seconds = market(seed, first, marketSeconds, followed);
        MoversEngine engine = new MoversEngine(DetectorSettings.DEFAULT, MoverFilter.ALL);
        AtomicLong arrived = new AtomicLong();
        List<Long> delays = new ArrayList<>();
        engine.onEntered(mover -> delays.add(System.nanoTime() - arrived.get()));
        for (int s = 0; s < WARM_UP_SECONDS; s++) {
            engine.accept(seconds.get(s));
        }
        delays.clear();
        List<Long> work = new ArrayList<>();
        int next = WARM_UP_SECONDS;
        long start = System.nanoTime();
        for (int wall = 0; wall < WALL_SECONDS; wall++) {
            int perWall = wall % 10 == 9 ? 6 : 2;
            for (int k = 0; k < perWall && next < seconds.size(); k++, next++) {
                long handed = System.nanoTime();
                arrived.set(handed);
                engine.accept(seconds.get(next));
                work.add(System.nanoTime() - handed);
            }
            long due = start + (wall + 1) * 1_000_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        long[] sortedWork = work.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedDelays = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        long bars = 0;
        long fullSpeed = System.nanoTime();
        MoversEngine again = new MoversEngine(DetectorSettings.DEFAULT, MoverFilter.ALL);
        for (List<Bar> second : seconds) {
            again.accept(second);
            bars += second.size();
        }
        double barsPerSecond = bars / ((System.nanoTime() - fullSpeed) / 1e9);
        again = null;
        seconds = null;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        Thread.sleep(200);
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
        if (engine.symbols() == 0) {
            throw new IllegalStateException("the engine followed nothing");
        }
        return new double[] {percentile(sortedWork, 50) / 1e6, percentile(sortedWork, 99) / 1e6,
                percentile(sortedDelays, 95) / 1e6, sortedDelays.length, barsPerSecond, heap};
    }

    private static double percentile(long[] sorted, double percent) {
        return sorted.length == 0 ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(percent / 100 * sorted.length))];
    }

    /**
     * Each market second's bars of {@code followed} symbols (of the 8,000, the share of the 5,000 trading that
     * many make), deep and thin alike drawn at random; events in the timed part, a few seconds apart.
     */
    private static List<List<Bar>> market(long seed, long first, int marketSeconds, int followed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] price = new double[SYMBOLS];
        String[] names = new String[SYMBOLS];
        for (int i = 0; i < SYMBOLS; i++) {
            price[i] = 5 + random.nextDouble() * 200;
            names[i] = SyntheticBars.symbol(i);
        }
        int[] eventAt = new int[SYMBOLS];
        Arrays.fill(eventAt, -1);
        for (int e = 0; e < EVENTS; e++) {
            eventAt[random.nextInt(Math.min(followed, SYMBOLS))] = WARM_UP_SECONDS + 5 + e * (marketSeconds
                    - WARM_UP_SECONDS - 10) / EVENTS;
        }
        List<List<Bar>> seconds = new ArrayList<>(marketSeconds);
        double share = TRADING_PER_SECOND / (double) SYMBOLS;
        for (int s = 0; s < marketSeconds; s++) {
            long t = first + s * 1000L;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < followed; i++) {
                boolean event = eventAt[i] == s;
                if (!event && random.nextDouble() >= share) {
                    continue;
                }
                int trades = event ? 150 : 1 + random.nextInt(9);
                double size = event && i % 2 == 0 ? 4_000 : 100 + random.nextInt(3) * 100;
                int count = event && i % 2 == 0 ? 3 : trades;
                price[i] = Math.max(1, Math.round(price[i] * (1 + 0.0003 * random.nextGaussian()) * 100) / 100.0);
                double volume = count * size;
                bars.add(new Bar(names[i], t, t + 1000, price[i], price[i], price[i], price[i], volume, price[i],
                        Double.NaN, Double.NaN, Double.NaN, size, false, Bar.Source.STREAM));
            }
            seconds.add(bars);
        }
        return seconds;
    }
}
