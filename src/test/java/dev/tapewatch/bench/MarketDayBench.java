package dev.tapewatch.bench;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.lake.Lake;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A whole market recorded into a fresh H2 file through the recorder's own writer ({@link BarWriter}), bars in
 * arrival order (every active symbol's bar of a second, then the next second), as fast as it goes or paced at
 * a speed (market seconds per second): bars/s, the file's size and bytes per bar as record leaves it (compacted
 * on close, {@link BarStore#closeCompacted}) and before, the
 * largest the file grew while recording against the bars then stored, the process's peak RSS, symbol-day
 * reads from the file afterwards, and the day's lake export from it. The market is {@link SyntheticMarket}'s, not the simulator's.
 */
public final class MarketDayBench {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    private MarketDayBench() {
    }

    /** One recording of {@code symbols} over {@code seconds} from 04:00; {@code speed} 0 is as fast as it goes. */
    public static Map<String, Object> record(Path dir, int symbols, int seconds, double speed, int queries)
            throws IOException, InterruptedException {
        Path base = dir.resolve("market-" + symbols + "x" + seconds);
        Files.deleteIfExists(base.resolveSibling(base.getFileName() + ".mv.db"));
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        SyntheticMarket market = new SyntheticMarket(symbols, ExchangeTime.toEpochMillis(DAY, LocalTime.of(4, 0)), 7);
        Map<String, Object> result = new LinkedHashMap<>();
        long bars = 0;
        long[] worst = {0, 0}; // file bytes, live bytes then, where the file was largest against its live bytes
        long started;
        long elapsed;
        long uncompacted;
        double compactSeconds;
        try (BarStore store = BarStore.open(StoreLocation.ofFile(base), BarStore.Mode.CREATE)) {
            BarWriter writer = new BarWriter(store, dev.tapewatch.app.Threads::named);
            writer.onStored(batch -> {
                dev.tapewatch.store.H2Files.Use use = store.fileUse();
                // from 1 MB of live data on: a nearly empty file is mostly H2's own fixed overhead
                if (use.liveBytes() > 1 << 20 && use.fileBytes() > worst[0] * use.liveBytes() / Math.max(1, worst[1])) {
                    worst[0] = use.fileBytes();
                    worst[1] = use.liveBytes();
                }
            });
            writer.sessionStarted(market.symbols(), market.start());
            started = System.nanoTime();
            for (int s = 0; s < seconds; s++) {
                if (speed > 0) {
                    long due = started + (long) (s / speed * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                for (Bar bar : market.second(s)) {
                    writer.put(bar);
                    bars++;
                }
            }
            writer.sessionEnded("benchmark done");
            writer.close();
            elapsed = System.nanoTime() - started;
            if (writer.stats().written() != bars) {
                throw new IllegalStateException("stored " + writer.stats().written() + " of " + bars + " bars");
            }
            // as record leaves the file when it stops
            long compacting = System.nanoTime();
            uncompacted = Files.size(file);
            if (store.fileUse().worthCompacting()) {
                store.closeCompacted();
            }
            compactSeconds = (System.nanoTime() - compacting) / 1e9;
        }
        long size = Files.size(file);
        result.put("symbols", symbols);
        result.put("market_seconds", seconds);
        result.put("speed", speed);
        result.put("bars", bars);
        result.put("bars_per_second", bars / (elapsed / 1e9));
        result.put("file_bytes", (double) size);
        result.put("bytes_per_bar", (double) size / bars);
        result.put("bytes_per_bar_before_compacting", (double) uncompacted / bars);
        result.put("compact_seconds", compactSeconds);
        result.put("file_over_live_at_worst", worst[1] == 0 ? Double.NaN : (double) worst[0] / worst[1]);
        result.put("file_bytes_then", (double) worst[0]);
        result.put("peak_rss_mb", peakRssMb());
        try (BarStore store = BarStore.open(StoreLocation.ofFile(base), BarStore.Mode.EXISTING)) {
            if (store.countBars() != bars) {
                throw new IllegalStateException("the file holds " + store.countBars() + " of " + bars + " bars");
            }
            result.putAll(queries(store, market, seconds, queries));
            result.putAll(lakeDay(store, dir.resolve("market-lake")));
        }
        return result;
    }

    /** {@code runs} recordings: each figure as min / median / max. */
    public static Map<String, Object> runs(Path dir, int symbols, int seconds, double speed, int runs)
            throws IOException, InterruptedException {
        List<Map<String, Object>> each = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            each.add(record(dir, symbols, seconds, speed, 200));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : each.get(0).keySet()) {
            Object first = each.get(0).get(name);
            if (first instanceof Double) {
                result.put(name, new Spread(each.stream().mapToDouble(r -> (Double) r.get(name)).toArray()).figures());
            } else {
                result.put(name, first);
            }
        }
        return result;
    }

    /** Symbol-day reads of random symbols among the busiest tenth: p50 and p99 in ms. */
    private static Map<String, Object> queries(BarStore store, SyntheticMarket market, int seconds, int queries) {
        SplittableRandom random = new SplittableRandom(3);
        long from = market.start();
        long to = from + seconds * 1000L;
        int busiest = Math.max(1, market.symbols().size() / 10);
        store.bars(market.symbols().get(0), from, to); // the first read of a JVM warms the path
        double[] millis = new double[queries];
        long read = 0;
        for (int i = 0; i < queries; i++) {
            String symbol = market.symbols().get(random.nextInt(busiest));
            long t = System.nanoTime();
            read += store.bars(symbol, from, to).size();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("query_bars_mean", (double) read / queries);
        result.put("query_p50_ms", millis[queries / 2]);
        result.put("query_p99_ms", millis[(int) Math.min(queries - 1, Math.ceil(queries * 0.99) - 1)]);
        return result;
    }

    /** The day's lake export from the file as left: every symbol's day to its Parquet file, as {@code lake} does. */
    private static Map<String, Object> lakeDay(BarStore store, Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var old = Files.walk(folder)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        long started = System.nanoTime();
        Lake.Result written = new Lake(store, folder).update(new Lake.Selection(null, null, Set.of(), true), null);
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes;
        try (var files = Files.walk(folder)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lake_day_files", (double) written.written());
        result.put("lake_day_rows_per_second", written.barsWritten() / seconds);
        result.put("lake_day_seconds", seconds);
        result.put("lake_bytes_per_bar", bytes / (double) written.barsWritten());
        return result;
    }

    /** The process's peak resident set (VmHWM), MB; NaN where /proc is not there. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    public static void main(String[] args) throws Exception {
        int symbols = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        double speed = Double.parseDouble(args[2]);
        Map<String, Object> figures = record(Path.of(args.length > 3 ? args[3] : "target/bench"), symbols, seconds,
                speed, 50);
        figures.forEach((k, v) -> System.out.println(k + " = " + v));
    }
}
