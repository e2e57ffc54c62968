package dev.tapewatch.bench;

import dev.tapewatch.export.BarCsv;
import dev.tapewatch.export.CsvExport;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loading a full extended-hours day (57,600 one-second bars) of one symbol from a database of 100 symbols ×
 * 5 days, and CSV export speed. The database is built once and kept in the bench folder for later runs.
 */
public final class QueryExportBench {
    static final int SYMBOLS = 100;
    static final int DAYS = 5;
    static final int SECONDS = 16 * 3600;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 2);

    private QueryExportBench() {
    }

    static LocalDate day(int index) {
        LocalDate day = FIRST_DAY;
        for (int i = 0; i < index; i++) {
            day = day.plusDays(day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 3 : 1);
        }
        return day;
    }

    /** Opens the 100 × 5 × 57,600-bar database, building it first if it is not complete. */
    static BarStore database(Path dir, Map<String, Object> notes) {
        StoreLocation location = StoreLocation.ofFile(dir.resolve("query-100x5"));
        BarStore store = BarStore.open(location, BarStore.Mode.CREATE);
        long expected = (long) SYMBOLS * DAYS * SECONDS;
        if (store.countBars() != expected) {
            long started = System.nanoTime();
            for (int d = 0; d < DAYS; d++) {
                long open = ExchangeTime.toEpochMillis(day(d), LocalTime.of(4, 0));
                for (int k = 0; k < SYMBOLS; k++) {
                    String symbol = SyntheticBars.symbol(k);
                    List<Bar> bars = new ArrayList<>(SECONDS);
                    for (int s = 0; s < SECONDS; s++) {
                        bars.add(SyntheticBars.bar(symbol, open + s * 1000L, s));
                    }
                    store.upsert(bars);
                }
            }
            notes.put("build_seconds", (System.nanoTime() - started) / 1e9);
        }
        notes.put("rows", store.countBars());
        return store;
    }

    /** Symbol-day loads, 200 per run at random symbols and days: p50 and p99 of each run, over {@code runs}. */
    public static Map<String, Object> query(Path dir, int runs) {
        Map<String, Object> result = new LinkedHashMap<>();
        try (BarStore store = database(dir, result)) {
            SplittableRandom random = new SplittableRandom(42);
            int queries = 200;
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            double first = timeDay(store, random);
            for (int run = 0; run < runs; run++) {
                double[] millis = new double[queries];
                for (int i = 0; i < queries; i++) {
                    millis[i] = timeDay(store, random);
                }
                Arrays.sort(millis);
                p50[run] = millis[queries / 2];
                p99[run] = millis[(int) Math.floor(0.99 * queries)];
            }
            result.put("bars_per_query", SECONDS);
            result.put("first_query_ms", first);
            result.put("p50_ms", new Spread(p50).figures());
            result.put("p99_ms", new Spread(p99).figures());
        }
        return result;
    }

    private static double timeDay(BarStore store, SplittableRandom random) {
        String symbol = SyntheticBars.symbol(random.nextInt(SYMBOLS));
        LocalDate day = day(random.nextInt(DAYS));
        long started = System.nanoTime();
        List<Bar> bars = store.bars(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day));
        double elapsed = (System.nanoTime() - started) / 1e6;
        if (bars.size() != SECONDS) {
            throw new IllegalStateException("expected " + SECONDS + " bars of " + symbol + " " + day + ", got "
                    + bars.size());
        }
        return elapsed;
    }

    /** Exports before the steady-state figure: by then the JIT has compiled the export's path (about 12 here). */
    private static final int WARM_AFTER = 15;

    /**
     * A day of one symbol exported to CSV from the database, and 1 M bars formatted alone, per run. The day's
     * export is timed three ways: the first of the JVM (cold), the {@code runs} after two warm-up exports (code
     * still compiling, as the README's earlier figures were taken), and {@code runs} more after
     * {@link #WARM_AFTER} exports (steady state, as JMH would time it).
     */
    public static Map<String, Object> export(Path dir, int runs) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        double[] day = new double[runs];
        double[] warm = new double[runs];
        double[] formatOnly = new double[runs];
        try (BarStore store = database(dir, new LinkedHashMap<>())) {
            String symbol = SyntheticBars.symbol(7);
            Path out = dir.resolve("export-day.csv");
            for (int export = 0; export < WARM_AFTER + runs; export++) {
                long started = System.nanoTime();
                long rows = new CsvExport(store).toFile(symbol, ExchangeTime.startOfDay(day(0)),
                        ExchangeTime.endOfDay(day(0)), out, null);
                double rate = rows / ((System.nanoTime() - started) / 1e9);
                if (export == 0) {
                    result.put("first_day_rows_per_second", rate); // a cold JVM: code not yet compiled
                } else if (export >= 3 && export < 3 + runs) {
                    day[export - 3] = rate;
                } else if (export >= WARM_AFTER) {
                    warm[export - WARM_AFTER] = rate;
                }
            }
        }
        List<Bar> million = SyntheticBars.interleaved(100, ExchangeTime.toEpochMillis(day(0), LocalTime.of(4, 0)),
                10_000);
        Path out = dir.resolve("export-1m.csv");
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            try (OutputStream stream = Files.newOutputStream(out);
                 BarCsv.RowWriter writer = new BarCsv.RowWriter(stream)) {
                writer.header();
                for (Bar bar : million) {
                    writer.write(bar, false);
                }
            }
            formatOnly[run] = million.size() / ((System.nanoTime() - started) / 1e9);
        }
        result.put("day_rows", SECONDS);
        result.put("day_rows_per_second", new Spread(day).figures());
        result.put("day_rows_per_second_warm", new Spread(warm).figures());
        result.put("format_only_rows_per_second", new Spread(formatOnly).figures());
        result.put("csv_1m_bytes", Files.size(out));
        return result;
    }
}
