package dev.tapewatch.bench;

import dev.tapewatch.export.BarCsv;
import dev.tapewatch.export.CsvExport;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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

    public static Map<String, Object> query(Path dir) {
        Map<String, Object> result = new LinkedHashMap<>();
        try (BarStore store = database(dir, result)) {
            SplittableRandom random = new SplittableRandom(42);
            int runs = 60;
            double[] millis = new double[runs];
            double first = 0;
            for (int i = 0; i < runs + 1; i++) {
                String symbol = SyntheticBars.symbol(random.nextInt(SYMBOLS));
                LocalDate day = day(random.nextInt(DAYS));
                long started = System.nanoTime();
                List<Bar> bars = store.bars(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day));
                double elapsed = (System.nanoTime() - started) / 1e6;
                if (bars.size() != SECONDS) {
                    throw new IllegalStateException("expected " + SECONDS + " bars of " + symbol + " " + day
                            + ", got " + bars.size());
                }
                if (i == 0) {
                    first = elapsed;
                } else {
                    millis[i - 1] = elapsed;
                }
            }
            Arrays.sort(millis);
            result.put("bars_per_query", SECONDS);
            result.put("first_query_ms", first);
            result.put("p50_ms", millis[runs / 2]);
            result.put("p99_ms", millis[(int) Math.floor(0.99 * runs)]);
        }
        return result;
    }

    public static Map<String, Object> export(Path dir) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (BarStore store = database(dir, new LinkedHashMap<>())) {
            String symbol = SyntheticBars.symbol(7);
            Path out = dir.resolve("export-day.csv");
            double best = 0;
            long rows = 0;
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                rows = new CsvExport(store).toFile(symbol, ExchangeTime.startOfDay(day(0)),
                        ExchangeTime.endOfDay(day(0)), out, null);
                best = Math.max(best, rows / ((System.nanoTime() - started) / 1e9));
            }
            result.put("day_rows", rows);
            result.put("day_rows_per_second", best);
            long started = System.nanoTime();
            long week = new CsvExport(store).toFile(symbol, ExchangeTime.startOfDay(day(0)),
                    ExchangeTime.endOfDay(day(DAYS - 1)), dir.resolve("export-5-days.csv"), null);
            result.put("five_days_rows", week);
            result.put("five_days_rows_per_second", week / ((System.nanoTime() - started) / 1e9));
        }
        List<Bar> million = SyntheticBars.interleaved(100, ExchangeTime.toEpochMillis(day(0), LocalTime.of(4, 0)),
                10_000);
        Path out = dir.resolve("export-1m.csv");
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            try (OutputStream stream = Files.newOutputStream(out);
                 BarCsv.RowWriter writer = new BarCsv.RowWriter(new BufferedWriter(
                         new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16))) {
                writer.header();
                for (Bar bar : million) {
                    writer.write(bar, false);
                }
            }
            best = Math.max(best, million.size() / ((System.nanoTime() - started) / 1e9));
        }
        result.put("csv_1m_rows", million.size());
        result.put("csv_1m_rows_per_second", best);
        result.put("csv_1m_bytes", Files.size(out));
        return result;
    }
}
