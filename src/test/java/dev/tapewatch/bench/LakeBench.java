package dev.tapewatch.bench;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.export.CsvExport;
import dev.tapewatch.lake.Lake;
import dev.tapewatch.lake.LakeTables;
import dev.tapewatch.lake.ParquetExport;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimSymbol;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A day of the simulated market (10 symbols, every second from 04:00 to 20:00, with its detected spikes) out of
 * H2: as CSV (the baseline, same run), as Parquet one file per symbol, as a lake day, and Parquet writing alone
 * from memory. Rows per second (of wall clock, and of the thread's CPU time) and bytes per bar of each, and the
 * H2 file's bytes per bar.
 */
public final class LakeBench {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final int SYMBOLS = 10;
    /** Rows per second of this thread's own CPU time as well: the machine is shared, the wall clock is not ours. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private LakeBench() {
    }

    public static Map<String, Object> run(Path dir, int runs) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        Path db = dir.resolve("lake-day");
        List<String> symbols = SimSymbol.DEFAULTS.subList(0, SYMBOLS);
        long from = ExchangeTime.startOfDay(DAY);
        long to = ExchangeTime.endOfDay(DAY);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.CREATE)) {
            if (store.days(null).size() != SYMBOLS) {
                SimulatedMarket market = new SimulatedMarket(1);
                for (String symbol : symbols) {
                    List<Bar> bars = market.day(symbol, DAY).bars(from, to);
                    store.upsert(bars);
                    store.replaceSpikes(symbol, from, to, SpikeDetector.detect(symbol, bars, DetectorSettings.DEFAULT));
                }
            }
            long rows = store.countBars();
            result.put("day_rows", rows);
            result.put("h2_bytes_per_bar", Files.size(store.location().dataFile()) / (double) rows);
            Path out = Files.createDirectories(dir.resolve("lake-out"));
            double[] csv = new double[runs];
            double[] parquet = new double[runs];
            double[] lake = new double[runs];
            double[] csvCpu = new double[runs];
            double[] lakeCpu = new double[runs];
            long csvBytes = 0;
            long parquetBytes = 0;
            for (int run = -2; run < runs; run++) { // two warm-up rounds first
                long started = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                csvBytes = 0;
                for (String symbol : symbols) {
                    Path file = out.resolve(symbol + ".csv");
                    new CsvExport(store).toFile(symbol, from, to, file, null);
                    csvBytes += Files.size(file);
                }
                double csvRate = rows / seconds(started);
                double csvCpuRate = rows / ((CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
                started = System.nanoTime();
                parquetBytes = 0;
                for (String symbol : symbols) {
                    Path file = out.resolve(symbol + ".parquet");
                    new ParquetExport(store).toFile(symbol, from, to, file);
                    parquetBytes += Files.size(file);
                }
                double parquetRate = rows / seconds(started);
                started = System.nanoTime();
                cpu = CPU.getCurrentThreadCpuTime();
                new Lake(store, out.resolve("lake")).update(new Lake.Selection(null, null, Set.of(), true), null);
                double lakeRate = rows / seconds(started);
                double lakeCpuRate = rows / ((CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
                if (run >= 0) {
                    csv[run] = csvRate;
                    parquet[run] = parquetRate;
                    lake[run] = lakeRate;
                    csvCpu[run] = csvCpuRate;
                    lakeCpu[run] = lakeCpuRate;
                }
            }
            result.put("csv_export_rows_per_second", new Spread(csv).figures());
            result.put("csv_bytes_per_bar", csvBytes / (double) rows);
            result.put("parquet_export_rows_per_second", new Spread(parquet).figures());
            result.put("parquet_bytes_per_bar", parquetBytes / (double) rows);
            result.put("lake_day_rows_per_second", new Spread(lake).figures());
            result.put("csv_export_rows_per_cpu_second", new Spread(csvCpu).figures());
            result.put("lake_day_rows_per_cpu_second", new Spread(lakeCpu).figures());
            result.put("lake_bytes_per_bar", folderBytes(out.resolve("lake").resolve("date=" + DAY)) / (double) rows);
            result.put("parquet_write_only_rows_per_second", new Spread(writeOnly(store, symbols, from, to, out, runs))
                    .figures());
        }
        return result;
    }

    /** The Parquet library alone: the day's bars already in memory, written to one file. */
    private static double[] writeOnly(BarStore store, List<String> symbols, long from, long to, Path out, int runs)
            throws IOException {
        List<LakeTables.Row> rows = new ArrayList<>();
        for (String symbol : symbols) {
            for (Bar bar : store.bars(symbol, from, to)) {
                rows.add(new LakeTables.Row(bar, false));
            }
        }
        double[] rates = new double[runs];
        for (int run = -2; run < runs; run++) {
            long started = System.nanoTime();
            LakeTables.BARS.write(out.resolve("all.parquet"), rows);
            if (run >= 0) {
                rates[run] = rows.size() / seconds(started);
            }
        }
        return rates;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
