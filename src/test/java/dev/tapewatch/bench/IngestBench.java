package dev.tapewatch.bench;

import dev.tapewatch.app.Threads;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.feed.PolygonDecoder;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreLocation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest race (scripts/bench.sh): a firehose in a process of its own streams the same bars to Tapewatch's
 * recording path, to the SQLite reference recorder, to the Node reference recorder (the one a user would write in
 * an afternoon: Polygon's JS client and better-sqlite3; run when {@code -Dbench.node=} names its script), and to a
 * client that only receives (the ceiling for any recorder on this websocket client and machine), each in a fresh
 * process, round after round (Tapewatch with the image's JVM options, as its launcher runs {@code record}; the Java
 * reference on the JDK's defaults); then the stages alone (decode, store) and a naive recorder (one autocommitted
 * INSERT per bar) as the floor. Beside each Java contender's rate it prints its JVM's CPU-seconds per million bars
 * and heap bytes allocated per bar: the work a bar costs, which other load on the machine leaves alone while it
 * moves the rates. {@code IngestBench BARS SYMBOLS RUNS DIR RESULTS_JSON}.
 */
public final class IngestBench {
    /** The Node reference recorder's script (src/test/node-bench/recorder.mjs), or null to race without it. */
    private static final String NODE_RECORDER = System.getProperty("bench.node");

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        long bars = Long.parseLong(args[0]);
        int symbols = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        double[] tapewatch = new double[runs];
        double[] sqlite = new double[runs];
        double[] node = new double[runs];
        double[] receive = new double[runs];
        double[] store = new double[runs];
        double[] decode = new double[runs];
        double[] naive = new double[runs];
        double[] tapewatchCpu = new double[runs];
        double[] tapewatchAllocated = new double[runs];
        double[] sqliteCpu = new double[runs];
        double[] sqliteAllocated = new double[runs];
        long lost = 0;
        for (int run = 0; run < runs; run++) {
            for (String contender : contenders(run)) {
                Raced result = race(contender, bars, symbols, dir);
                double rate = result.stored() / (result.nanos() / 1e9);
                switch (contender) {
                    case "tapewatch" -> {
                        tapewatch[run] = rate;
                        tapewatchCpu[run] = result.cpuSecondsPerMillion();
                        tapewatchAllocated[run] = result.allocatedPerBar();
                    }
                    case "sqlite" -> {
                        sqlite[run] = rate;
                        sqliteCpu[run] = result.cpuSecondsPerMillion();
                        sqliteAllocated[run] = result.allocatedPerBar();
                    }
                    case "node" -> node[run] = rate;
                    default -> receive[run] = rate;
                }
                if (!contender.equals("receive")) {
                    lost += bars - result.stored();
                }
                System.out.printf(Locale.ROOT, "  run %d %-10s %,10.0f bars/s (%,d stored)%s, load %s%n", run + 1,
                        contender, rate, result.stored(), result.usage(), loadAverage());
            }
            store[run] = storeOnly(dir, symbols, (int) (bars / symbols));
            decode[run] = decodeOnly(symbols, (int) (bars / symbols));
            naive[run] = naive(dir, 20_000);
        }
        Spread ours = new Spread(tapewatch);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bars", bars);
        figures.put("symbols", symbols);
        figures.put("lost", lost);
        figures.put("tapewatch_record_bars_per_second", ours.figures());
        figures.put("tapewatch_cpu_seconds_per_million_bars", new Spread(tapewatchCpu).figures());
        figures.put("tapewatch_allocated_bytes_per_bar", new Spread(tapewatchAllocated).figures());
        figures.put("sqlite_cpu_seconds_per_million_bars", new Spread(sqliteCpu).figures());
        figures.put("sqlite_allocated_bytes_per_bar", new Spread(sqliteAllocated).figures());
        figures.put("sqlite_reference_bars_per_second", new Spread(sqlite).figures());
        figures.put("tapewatch_over_sqlite", ours.over(new Spread(sqlite)).figures());
        if (NODE_RECORDER != null) {
            figures.put("node_reference_bars_per_second", new Spread(node).figures());
            figures.put("tapewatch_over_node", ours.over(new Spread(node)).figures());
        }
        figures.put("receive_only_bars_per_second", new Spread(receive).figures());
        figures.put("store_only_bars_per_second", new Spread(store).figures());
        figures.put("decode_only_bars_per_second", new Spread(decode).figures());
        figures.put("naive_bars_per_second", new Spread(naive).figures());
        figures.put("tapewatch_over_naive", ours.over(new Spread(naive)).figures());
        System.out.println();
        System.out.printf("Ingest: %,d bars of %d symbols from a firehose process, %d runs (min / median / max)%n",
                bars, symbols, runs);
        row("Tapewatch record path (bars/s)", ours);
        row("SQLite reference recorder (bars/s)", new Spread(sqlite));
        row("ratio Tapewatch / SQLite", ours.over(new Spread(sqlite)));
        row("Tapewatch JVM CPU-s per M bars", new Spread(tapewatchCpu));
        row("Tapewatch JVM bytes allocated per bar", new Spread(tapewatchAllocated));
        row("SQLite JVM CPU-s per M bars", new Spread(sqliteCpu));
        row("SQLite JVM bytes allocated per bar", new Spread(sqliteAllocated));
        if (NODE_RECORDER != null) {
            row("Node reference recorder (bars/s)", new Spread(node));
            row("ratio Tapewatch / Node", ours.over(new Spread(node)));
        }
        row("receive only, same client (bars/s)", new Spread(receive));
        row("store only, BarWriter (bars/s)", new Spread(store));
        row("decode only (bars/s)", new Spread(decode));
        row("naive INSERT per bar (bars/s)", new Spread(naive));
        row("ratio Tapewatch / naive", ours.over(new Spread(naive)));
        System.out.printf("  %-38s %d%n", "bars lost (all runs)", lost);
        BenchResults results = new BenchResults();
        results.put("ingest", figures);
        results.write(Path.of(args[4]));
    }

    /** Who races in a round: the order alternates, so that nobody always meets a warmer page cache. */
    private static List<String> contenders(int run) {
        List<String> order = new ArrayList<>(List.of("tapewatch", "sqlite", "receive"));
        if (NODE_RECORDER != null) {
            order.add(1, "node");
        }
        if (run % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    private static void row(String name, Spread spread) {
        System.out.printf(Locale.ROOT, "  %-38s %s%n", name, spread);
    }

    /**
     * One contender's race: wall time, bars stored, and its JVM's CPU time and heap allocation over the race (-1
     * where unknown: the Node recorder).
     */
    private record Raced(long nanos, long stored, double cpuSeconds, long allocatedBytes) {
        double cpuSecondsPerMillion() {
            return cpuSeconds < 0 ? Double.NaN : cpuSeconds / (stored / 1e6);
        }

        double allocatedPerBar() {
            return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / stored;
        }

        String usage() {
            return cpuSeconds < 0 ? "" : String.format(Locale.ROOT, ", %.2f CPU-s per M bars, %,.0f B allocated per bar",
                    cpuSecondsPerMillion(), allocatedPerBar());
        }
    }

    /** The 1-minute load average, to read a wall-clock rate against. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Runs one contender against a fresh firehose process. */
    private static Raced race(String contender, long bars, int symbols, Path dir) throws Exception {
        Process firehose = child(List.of(), "dev.tapewatch.bench.Firehose", String.valueOf(bars),
                String.valueOf(symbols));
        try (BufferedReader firehoseOut = reader(firehose)) {
            String url = firehoseOut.readLine();
            if (url == null || !url.startsWith("ws")) {
                throw new IllegalStateException("the firehose did not start: " + url);
            }
            Process recorder = contender.equals("node")
                    ? new ProcessBuilder("node", NODE_RECORDER, url, String.valueOf(bars), dir.resolve("node")
                            .toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start()
                    : child(contender.equals("tapewatch") ? IdleWindowBench.launcherOptions() : List.of(),
                            "dev.tapewatch.bench.IngestContender", contender, url, String.valueOf(bars),
                            dir.toString());
            String result = null;
            try (BufferedReader out = reader(recorder)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    }
                }
            }
            if (recorder.waitFor() != 0 || result == null) {
                throw new IllegalStateException(contender + " failed (exit " + recorder.exitValue() + ")");
            }
            String[] parts = result.split(" ");
            boolean measured = parts.length > 6;
            return new Raced((long) (Double.parseDouble(parts[1]) * 1e9), Long.parseLong(parts[2]),
                    measured ? Double.parseDouble(parts[5]) : -1, measured ? Long.parseLong(parts[6]) : -1);
        } finally {
            firehose.getOutputStream().close();
            firehose.waitFor();
        }
    }

    /** A JVM of its own; Tapewatch's recorder gets the options the image's launcher gives {@code record}. */
    private static Process child(List<String> options, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The store alone: the same number of bars through BarWriter into a fresh H2 file. */
    static double storeOnly(Path dir, int symbols, int seconds) throws Exception {
        List<Bar> bars = SyntheticBars.interleaved(symbols, Firehose.START, seconds);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(freshFolder(dir, "store-only").resolve("db")),
                BarStore.Mode.CREATE)) {
            BarWriter writer = new BarWriter(store, Threads::named);
            long started = System.nanoTime();
            for (Bar bar : bars) {
                writer.put(bar);
            }
            writer.close();
            return writer.stats().written() / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Decoding alone: the feed's decoder over pre-encoded frames like the firehose's; the best of three passes. */
    static double decodeOnly(int symbols, int seconds) {
        List<Bar> bars = SyntheticBars.interleaved(symbols, Firehose.START, seconds);
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < bars.size(); i += symbols) {
            encoded.add(PolygonCodec.bars(bars.subList(i, Math.min(bars.size(), i + symbols))));
        }
        PolygonDecoder decoder = new PolygonDecoder();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            long count = 0;
            for (String frame : encoded) {
                count += decoder.decode(frame).bars().size();
            }
            best = Math.max(best, count / ((System.nanoTime() - started) / 1e9));
        }
        return best;
    }

    /** What a first recorder does: one INSERT per bar, autocommitted, into a plain H2 table. */
    static double naive(Path dir, int count) throws Exception {
        List<Bar> bars = SyntheticBars.interleaved(50, Firehose.START, Math.max(1, count / 50));
        Path file = freshFolder(dir, "naive").resolve("db");
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "")) {
            connection.createStatement().execute("CREATE TABLE bars (symbol VARCHAR(16), start_ms BIGINT,"
                    + " end_ms BIGINT, open_price DOUBLE PRECISION, high_price DOUBLE PRECISION,"
                    + " low_price DOUBLE PRECISION, close_price DOUBLE PRECISION, volume DOUBLE PRECISION,"
                    + " vwap DOUBLE PRECISION, PRIMARY KEY (symbol, start_ms))");
            for (Bar bar : bars) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO bars VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, bar.symbol());
                    insert.setLong(2, bar.start());
                    insert.setLong(3, bar.end());
                    insert.setDouble(4, bar.open());
                    insert.setDouble(5, bar.high());
                    insert.setDouble(6, bar.low());
                    insert.setDouble(7, bar.close());
                    insert.setDouble(8, bar.volume());
                    insert.setDouble(9, bar.vwap());
                    insert.executeUpdate();
                }
            }
        }
        return bars.size() / ((System.nanoTime() - started) / 1e9);
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
