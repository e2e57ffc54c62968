package dev.tapewatch.bench;

import dev.tapewatch.app.LiveSeries;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * PostgreSQL beside H2 in the same run: symbol-day queries on the same bars in both, and how soon a window
 * watching the database has a bar after the recorder stored it. {@code server} is a JDBC URL of a user who may
 * create databases (e.g. the one {@code scripts/test-postgres.sh} prints); the benchmark's databases are
 * {@code tapewatch_bench_*}.
 */
public final class PostgresBench {
    private static final int SYMBOLS = 20;

    private PostgresBench() {
    }

    /** A database on {@code server}, created if missing. */
    static StoreLocation database(String server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
        int query = server.indexOf('?');
        int slash = server.lastIndexOf('/', query < 0 ? server.length() : query);
        return StoreLocation.parse(server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query)));
    }

    /**
     * The same 20 symbols × 5 days × 57,600 bars, stored in a recorder's order (every symbol's bar of a second
     * together), in an H2 file and in PostgreSQL; 200 random symbol-days per run in each, alternating.
     */
    public static Map<String, Object> query(String server, Path dir, int runs) throws SQLException {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> h2Notes = new LinkedHashMap<>();
        Map<String, Object> pgNotes = new LinkedHashMap<>();
        try (BarStore h2 = filled(StoreLocation.ofFile(dir.resolve("query-20x5-recorded")), h2Notes);
             BarStore pg = filled(database(server, "tapewatch_bench_query"), pgNotes)) {
            SplittableRandom random = new SplittableRandom(42);
            int queries = 200;
            double[][] p50 = new double[2][runs];
            double[][] p99 = new double[2][runs];
            timeDay(h2, random);
            timeDay(pg, random);
            for (int run = 0; run < runs; run++) {
                double[][] millis = new double[2][queries];
                for (int i = 0; i < queries; i++) {
                    millis[0][i] = timeDay(h2, random);
                    millis[1][i] = timeDay(pg, random);
                }
                for (int db = 0; db < 2; db++) {
                    Arrays.sort(millis[db]);
                    p50[db][run] = millis[db][queries / 2];
                    p99[db][run] = millis[db][(int) Math.floor(0.99 * queries)];
                }
            }
            result.put("bars", h2Notes.get("rows"));
            result.put("bars_per_query", QueryExportBench.SECONDS);
            result.put("h2_build_bars_per_second", h2Notes.get("build_bars_per_second"));
            result.put("postgres_build_bars_per_second", pgNotes.get("build_bars_per_second"));
            result.put("h2_p50_ms", new Spread(p50[0]).figures());
            result.put("postgres_p50_ms", new Spread(p50[1]).figures());
            result.put("h2_p99_ms", new Spread(p99[0]).figures());
            result.put("postgres_p99_ms", new Spread(p99[1]).figures());
        }
        return result;
    }

    /**
     * Storing alone, the same 1 M bars (300 symbols, interleaved by second as a feed delivers them) in batches of
     * 50,000 (the writer's largest): into H2, into PostgreSQL with the store's multi-row upserts, and into
     * PostgreSQL by COPY and one merge ({@link PostgresCopyIngest}); a fresh database for each, every run.
     */
    public static Map<String, Object> ingest(String server, Path dir, int runs) throws Exception {
        List<Bar> bars = SyntheticBars.interleaved(300, ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2),
                LocalTime.of(9, 30)), 3_334);
        int batch = 50_000;
        double[] h2 = new double[runs];
        double[] upserts = new double[runs];
        double[] copy = new double[runs];
        for (int run = 0; run < runs; run++) {
            StoreLocation file = StoreLocation.ofFile(dir.resolve("ingest-" + run + "-" + System.nanoTime()));
            try (BarStore store = BarStore.open(file, BarStore.Mode.CREATE)) {
                long started = System.nanoTime();
                for (int i = 0; i < bars.size(); i += batch) {
                    store.upsert(bars.subList(i, Math.min(bars.size(), i + batch)));
                }
                h2[run] = bars.size() / ((System.nanoTime() - started) / 1e9);
            }
            java.nio.file.Files.deleteIfExists(file.dataFile());
            StoreLocation rows = database(server, "tapewatch_bench_ingest_" + run + "_" + ProcessHandle.current().pid());
            try (BarStore store = BarStore.open(rows, BarStore.Mode.CREATE)) {
                long started = System.nanoTime();
                for (int i = 0; i < bars.size(); i += batch) {
                    store.upsert(bars.subList(i, Math.min(bars.size(), i + batch)));
                }
                upserts[run] = bars.size() / ((System.nanoTime() - started) / 1e9);
            }
            StoreLocation copied = database(server, "tapewatch_bench_copy_" + run + "_" + ProcessHandle.current().pid());
            try (BarStore store = BarStore.open(copied, BarStore.Mode.CREATE)) {
                store.upsert(List.of(bars.get(0))); // creates the day's partition
            }
            try (PostgresCopyIngest ingest = new PostgresCopyIngest(copied.jdbcUrl())) {
                long started = System.nanoTime();
                for (int i = 0; i < bars.size(); i += batch) {
                    ingest.write(bars.subList(i, Math.min(bars.size(), i + batch)));
                }
                copy[run] = bars.size() / ((System.nanoTime() - started) / 1e9);
            }
            drop(server, rows);
            drop(server, copied);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bars", bars.size());
        result.put("h2_bars_per_second", new Spread(h2).figures());
        result.put("postgres_upserts_bars_per_second", new Spread(upserts).figures());
        result.put("postgres_copy_merge_bars_per_second", new Spread(copy).figures());
        return result;
    }

    private static void drop(String server, StoreLocation database) throws SQLException {
        String name = database.describe().substring(database.describe().lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        }
    }

    private static BarStore filled(StoreLocation location, Map<String, Object> notes) {
        BarStore store = BarStore.open(location, BarStore.Mode.CREATE);
        long expected = (long) SYMBOLS * QueryExportBench.DAYS * QueryExportBench.SECONDS;
        if (store.countBars() != expected) {
            long started = System.nanoTime();
            int slice = 300; // seconds per transaction: 6,000 bars, every symbol's bar of a second together
            for (int d = 0; d < QueryExportBench.DAYS; d++) {
                long open = ExchangeTime.toEpochMillis(QueryExportBench.day(d), LocalTime.of(4, 0));
                for (int from = 0; from < QueryExportBench.SECONDS; from += slice) {
                    List<Bar> bars = new ArrayList<>(slice * SYMBOLS);
                    for (int s = from; s < from + slice; s++) {
                        for (int k = 0; k < SYMBOLS; k++) {
                            bars.add(SyntheticBars.bar(SyntheticBars.symbol(k), open + s * 1000L, s));
                        }
                    }
                    store.upsert(bars);
                }
            }
            notes.put("build_bars_per_second", expected / ((System.nanoTime() - started) / 1e9));
        }
        notes.put("rows", store.countBars());
        return store;
    }

    private static double timeDay(BarStore store, SplittableRandom random) {
        String symbol = SyntheticBars.symbol(random.nextInt(SYMBOLS));
        LocalDate day = QueryExportBench.day(random.nextInt(QueryExportBench.DAYS));
        long started = System.nanoTime();
        List<Bar> bars = store.bars(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day));
        double elapsed = (System.nanoTime() - started) / 1e6;
        if (bars.size() != QueryExportBench.SECONDS) {
            throw new IllegalStateException("expected " + QueryExportBench.SECONDS + " bars of " + symbol + " "
                    + day + " in " + store.location() + ", got " + bars.size());
        }
        return elapsed;
    }

    /**
     * A window session watching the database while a writer stores one bar at a time, 200 per run: from the
     * writer's commit returning to the bar being in the session's live series (what the chart draws at its next
     * pulse, at most 33 ms later).
     */
    public static Map<String, Object> watch(String server, int runs) throws Exception {
        StoreLocation location = database(server, "tapewatch_bench_watch_" + ProcessHandle.current().pid());
        Map<String, Object> result = new LinkedHashMap<>();
        double[] p50 = new double[runs];
        double[] p99 = new double[runs];
        double[] max = new double[runs];
        FeedSettings watch = new FeedSettings(Providers.DATABASE, null, null, 30_000, null, false);
        long ten = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0));
        try (BarStore recorder = BarStore.open(location, BarStore.Mode.CREATE)) {
            recorder.upsert(List.of(SyntheticBars.bar("SPY", ten, 0)));
            try (LiveSession session = LiveSession.start(new LiveSession.Settings(watch, location,
                    DetectorSettings.DEFAULT, List.of("SPY")))) {
                awaitBar(session, ten);
                int next = 1;
                for (int run = 0; run < runs; run++) {
                    int samples = 200;
                    double[] millis = new double[samples];
                    for (int i = 0; i < samples; i++, next++) {
                        recorder.upsert(List.of(SyntheticBars.bar("SPY", ten + next * 1000L, next)));
                        long stored = System.nanoTime();
                        awaitBar(session, ten + next * 1000L);
                        millis[i] = (System.nanoTime() - stored) / 1e6;
                        Thread.sleep(20); // a recorder's batches are 200 ms apart; do not measure a backlog
                    }
                    Arrays.sort(millis);
                    p50[run] = millis[samples / 2];
                    p99[run] = millis[(int) Math.floor(0.99 * samples)];
                    max[run] = millis[samples - 1];
                }
            }
        }
        result.put("stored_to_series_p50_ms", new Spread(p50).figures());
        result.put("stored_to_series_p99_ms", new Spread(p99).figures());
        result.put("stored_to_series_max_ms", new Spread(max).figures());
        return result;
    }

    private static void awaitBar(LiveSession session, long start) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (LiveSeries.Quote quote = null; quote == null || quote.lastBarStart() < start;
             quote = session.series().quote("SPY")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the watching session did not get the bar of " + start + " in 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
