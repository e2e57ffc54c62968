package dev.tapewatch.bench;

import dev.tapewatch.TempFolders;
import dev.tapewatch.lake.LakeTables;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimSymbol;
import dev.tapewatch.sim.SimulatedMarket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The two Parquet writers measured for the lake, on the same rows in memory (a simulated day of 10 symbols,
 * zstd): parquet-java (what the lake uses) and DuckDB's JDBC appender followed by COPY TO parquet (one thread).
 * Run: {@code java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)"
 * dev.tapewatch.bench.ParquetLibraries [runs]} after the classpath step of scripts/bench.sh.
 */
public final class ParquetLibraries {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ParquetLibraries() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        LocalDate day = LocalDate.of(2024, 1, 2);
        SimulatedMarket market = new SimulatedMarket(1);
        List<LakeTables.Row> rows = new ArrayList<>();
        for (String symbol : SimSymbol.DEFAULTS.subList(0, 10)) {
            for (Bar bar : market.day(symbol, day).bars(ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day))) {
                rows.add(new LakeTables.Row(bar, false));
            }
        }
        Path dir = TempFolders.create("parquet-libraries");
        double[] javaRate = new double[runs];
        double[] javaCpu = new double[runs];
        double[] duckRate = new double[runs];
        long javaBytes = 0;
        long duckBytes = 0;
        for (int run = -2; run < runs; run++) {
            long wall = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            Path file = dir.resolve("parquet-java.parquet");
            LakeTables.BARS.write(file, rows);
            if (run >= 0) {
                javaRate[run] = rows.size() / ((System.nanoTime() - wall) / 1e9);
                javaCpu[run] = rows.size() / ((CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
                javaBytes = Files.size(file);
            }
            wall = System.nanoTime();
            Path duckFile = dir.resolve("duckdb.parquet");
            Files.deleteIfExists(duckFile);
            duck(rows, duckFile);
            if (run >= 0) {
                duckRate[run] = rows.size() / ((System.nanoTime() - wall) / 1e9);
                duckBytes = Files.size(duckFile);
            }
        }
        System.out.printf("%,d rows (a simulated day of 10 symbols), zstd, %d runs after 2 warm-ups%n", rows.size(), runs);
        System.out.printf("parquet-java: %s rows/s (%s rows per CPU-second of the writing thread), %.1f bytes/bar%n",
                new Spread(javaRate), new Spread(javaCpu), javaBytes / (double) rows.size());
        System.out.printf("DuckDB appender + COPY, 1 thread: %s rows/s, %.1f bytes/bar%n", new Spread(duckRate),
                duckBytes / (double) rows.size());
    }

    private static void duck(List<LakeTables.Row> rows, Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET threads = 1");
                sql.execute("CREATE TABLE bar (symbol VARCHAR, time TIMESTAMP, start_ms BIGINT, end_ms BIGINT,"
                        + " open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE, vwap DOUBLE,"
                        + " accumulated_volume DOUBLE, day_open DOUBLE, day_vwap DOUBLE, avg_trade_size DOUBLE,"
                        + " source VARCHAR, spike BOOLEAN)");
            }
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(
                    DuckDBConnection.DEFAULT_SCHEMA, "bar")) {
                for (LakeTables.Row row : rows) {
                    Bar bar = row.bar();
                    appender.beginRow();
                    appender.append(bar.symbol());
                    appender.append(LocalDateTime.ofEpochSecond(bar.start() / 1000, 0, ZoneOffset.UTC));
                    appender.append(bar.start());
                    appender.append(bar.end());
                    appender.append(bar.open());
                    appender.append(bar.high());
                    appender.append(bar.low());
                    appender.append(bar.close());
                    appender.append(bar.volume());
                    appender.append(bar.vwap());
                    appender.append(bar.accumulatedVolume());
                    appender.append(bar.dayOpen());
                    appender.append(bar.dayVwap());
                    appender.append(bar.averageTradeSize());
                    appender.append(bar.source().id());
                    appender.append(row.spike());
                    appender.endRow();
                }
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("COPY bar TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
            }
        }
    }
}
