package dev.tapewatch.bench;

import dev.tapewatch.app.Threads;
import dev.tapewatch.app.FeedSettings;
import dev.tapewatch.app.Pipeline;
import dev.tapewatch.app.Provider;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimSymbol;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreLocation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest end to end (a firehose server on loopback → websocket → decode → the record pipeline → H2 file), then each
 * stage alone, and a naive recorder (one autocommitted INSERT per bar) for comparison.
 */
public final class IngestBench {
    private static final long START = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(9, 30));

    private IngestBench() {
    }

    public static Map<String, Object> endToEnd(Path dir, long targetBars, int symbolCount) throws Exception {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < symbolCount; i++) {
            symbols.add(i < SimSymbol.DEFAULTS.size() ? SimSymbol.DEFAULTS.get(i) : SyntheticBars.symbol(i));
        }
        long[] latencies = new long[200_000];
        AtomicLong latencyCount = new AtomicLong();
        PeakHeap heap = new PeakHeap();
        Map<String, Object> result = new LinkedHashMap<>();
        try (BarStore store = BarStore.open(StoreLocation.ofFile(freshFolder(dir, "ingest").resolve("db")),
                BarStore.Mode.CREATE);
             Firehose server = Firehose.start(symbols, START, targetBars)) {
            // The recorder's own path (the one record uses), pointed at this server as a Polygon provider.
            Pipeline pipeline = Pipeline.open(store, new FeedSettings(Provider.POLYGON, server.url(), "bench", 30_000,
                    null, null, false), DetectorSettings.DEFAULT);
            BarWriter writer = pipeline.recorder().writer();
            writer.onStored(batch -> {
                long now = System.nanoTime();
                for (Bar bar : batch) {
                    Long at = server.sentAt(bar);
                    if (at != null) {
                        long index = latencyCount.getAndIncrement();
                        if (index < latencies.length) {
                            latencies[(int) index] = now - at;
                        }
                    }
                }
            });
            long started = System.nanoTime();
            pipeline.start(List.of("*"));
            while (writer.written() < targetBars) {
                Thread.sleep(5);
                heap.sample();
                if (System.nanoTime() - started > 600_000_000_000L) {
                    throw new IllegalStateException("ingest did not finish within 10 minutes");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long received = pipeline.feed().stats().bars();
            pipeline.close();
            long stored = store.countBars();
            long[] sample = Arrays.copyOf(latencies, (int) Math.min(latencyCount.get(), latencies.length));
            Arrays.sort(sample);
            result.put("bars_sent", server.sent());
            result.put("bars_received", received);
            result.put("bars_stored", stored);
            result.put("lost", server.sent() - stored);
            result.put("seconds", seconds);
            result.put("bars_per_second", stored / seconds);
            result.put("latency_p50_ms", percentile(sample, 50) / 1e6);
            result.put("latency_p99_ms", percentile(sample, 99) / 1e6);
            result.put("latency_samples", sample.length);
            result.put("peak_heap_bytes", heap.peak);
            result.put("peak_rss_bytes", BenchResults.peakRss());
        }
        return result;
    }

    /** The store alone: the same number of bars through BarWriter into a fresh H2 file. */
    public static Map<String, Object> storeOnly(Path dir, int symbols, int seconds) throws Exception {
        List<Bar> bars = SyntheticBars.interleaved(symbols, START, seconds);
        Map<String, Object> result = new LinkedHashMap<>();
        try (BarStore store = BarStore.open(StoreLocation.ofFile(freshFolder(dir, "store-only").resolve("db")),
                BarStore.Mode.CREATE)) {
            BarWriter writer = new BarWriter(store, Threads::named);
            long started = System.nanoTime();
            for (Bar bar : bars) {
                writer.put(bar);
            }
            writer.close();
            double elapsed = (System.nanoTime() - started) / 1e9;
            result.put("bars", writer.written());
            result.put("bars_per_second", writer.written() / elapsed);
        }
        return result;
    }

    /** Decoding alone: the codec over pre-encoded frames of the same size as the simulator sends. */
    public static Map<String, Object> decodeOnly(int symbols, int seconds) {
        List<Bar> bars = SyntheticBars.interleaved(symbols, START, seconds);
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < bars.size(); i += symbols) {
            encoded.add(PolygonCodec.bars(bars.subList(i, Math.min(bars.size(), i + symbols))));
        }
        long decoded = 0;
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            long count = 0;
            for (String frame : encoded) {
                count += PolygonCodec.decode(frame).bars().size();
            }
            best = Math.max(best, count / ((System.nanoTime() - started) / 1e9));
            decoded = count;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bars", decoded);
        result.put("bars_per_second", best);
        return result;
    }

    /** What a first recorder does: one INSERT per bar, autocommitted. */
    public static Map<String, Object> naive(Path dir, int count) throws Exception {
        List<Bar> bars = SyntheticBars.interleaved(50, START, Math.max(1, count / 50));
        Path file = freshFolder(dir, "naive").resolve("db");
        try (BarStore ignored = BarStore.open(StoreLocation.ofFile(file), BarStore.Mode.CREATE)) {
            // tables created; the naive recorder then talks to the database on its own
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "")) {
            connection.setAutoCommit(true);
            for (Bar bar : bars) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bars (symbol, start_ms, end_ms,"
                        + " trade_date, open_price, high_price, low_price, close_price, volume, vwap, accumulated_volume,"
                        + " day_open, day_vwap, avg_trade_size, otc) VALUES (?, ?, ?, DATE '2024-01-02', ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)")) {
                    insert.setString(1, bar.symbol());
                    insert.setLong(2, bar.start());
                    insert.setLong(3, bar.end());
                    insert.setDouble(4, bar.open());
                    insert.setDouble(5, bar.high());
                    insert.setDouble(6, bar.low());
                    insert.setDouble(7, bar.close());
                    insert.setDouble(8, bar.volume());
                    insert.setDouble(9, bar.vwap());
                    insert.setDouble(10, bar.accumulatedVolume());
                    insert.setDouble(11, bar.dayOpen());
                    insert.setDouble(12, bar.dayVwap());
                    insert.setDouble(13, bar.averageTradeSize());
                    insert.setBoolean(14, bar.otc());
                    insert.executeUpdate();
                }
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bars", bars.size());
        result.put("bars_per_second", bars.size() / elapsed);
        return result;
    }

    static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(percentile / 100 * sorted.length))];
    }

    /** Highest heap use seen by {@link #sample()}. */
    static final class PeakHeap {
        long peak;

        void sample() {
            peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    static Path freshFolder(Path parent, String name) throws java.io.IOException {
        Path dir = parent.resolve(name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
