package dev.tapewatch.bench;

import dev.tapewatch.cli.CommandFailure;
import dev.tapewatch.cli.ExitCodes;
import dev.tapewatch.detect.DetectorSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every benchmark, from the test class path (the product ships none): {@code scripts/bench.sh WHAT [options]}
 * builds that class path and runs this; with no arguments the script runs the README's whole set.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures Tapewatch, prints a table (min / median / max over --runs) and writes the figures"
                + " to --out (JSON, merged with what is there). WHAT: ingest (the race against a SQLite recorder),"
                + " query, export, lake (Parquet beside CSV), detector, movers, chart, idle, clients, all (all but"
                + " ingest, postgres and market), postgres (with --postgres: queries beside H2 and the watching"
                + " window's delay), or market (a whole market's day recorded into H2). The chart and idle benchmarks"
                + " run in JVMs of their own and need a display (e.g. xvfb-run).")
public final class Bench implements Callable<Integer> {
    private static final java.util.List<String> WHATS = java.util.List.of("ingest", "query", "export", "lake",
            "detector", "movers", "chart", "idle", "postgres", "clients", "market", "all");

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "ingest | query | export | lake | detector | movers | chart | idle"
            + " | clients | all | postgres | market")
    String what;

    @Option(names = "--bars", defaultValue = "1000000", description = "Ingest: bars the firehose sends (default 1000000).")
    long bars;

    @Option(names = "--symbols", description = "Ingest: symbols (default 300); market: symbols (default 8,000).")
    Integer symbols;

    @Option(names = "--postgres", paramLabel = "JDBC-URL", description = "postgres: a server and a user who may create"
            + " databases, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres (password: PGPASSWORD).")
    String postgres;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Working folder (default target/bench).")
    Path dir;

    @Option(names = "--out", defaultValue = "target/bench/results.json", description = "Results file.")
    Path out;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each figure (default 3).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Detector: market seed (default 1).")
    long seed;

    @Option(names = "--date", defaultValue = "2024-01-02", description = "Detector: simulated day (default 2024-01-02).")
    LocalDate date;

    @Option(names = "--seconds", defaultValue = "57600", description = "Market: market seconds from 04:00"
            + " (default 57,600, the extended day).")
    int seconds;

    @Option(names = "--speed", defaultValue = "0", description = "Market: market seconds a second (default 0: as"
            + " fast as it goes).")
    double speed;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        BenchResults results = new BenchResults();
        PrintWriter print = spec.commandLine().getOut();
        boolean all = what.equals("all");
        if (!WHATS.contains(what)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown benchmark '" + what
                    + "'; use " + String.join(", ", WHATS));
        }
        if (what.equals("postgres") && postgres == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "bench postgres needs --postgres"
                    + " JDBC-URL (scripts/test-postgres.sh start DIR prints one for a throwaway server)");
        }
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        if (what.equals("ingest")) {
            IngestBench.main(new String[] {String.valueOf(bars), String.valueOf(symbols == null ? 300 : symbols),
                    String.valueOf(runs),
                    dir.toString(), out.toString()});
            return ExitCodes.OK;
        }
        if (all || what.equals("query")) {
            Map<String, Object> query = QueryExportBench.query(dir, runs);
            results.put("query_day", query);
            table(print, "Query: one symbol's extended-hours day from 100 symbols × 5 days", query);
        }
        if (all || what.equals("export")) {
            Map<String, Object> export = QueryExportBench.export(dir, runs);
            results.put("export_csv", export);
            table(print, "Export: CSV", export);
        }
        if (all || what.equals("lake")) {
            Map<String, Object> lake = LakeBench.run(dir, runs);
            results.put("lake", lake);
            table(print, "A simulated day of 10 symbols out of H2: CSV export (baseline), Parquet export, the lake,"
                    + " Parquet writing alone", lake);
        }
        if (all || what.equals("clients")) {
            Map<String, Object> clients = ClientsBench.run(runs);
            results.put("market_server_clients", clients);
            table(print, "simulate (the open of 2024-01-02 at speed 10, every symbol) with 200 clients, 10 of them not reading", clients);
        }
        if (what.equals("postgres") || all && postgres != null) {
            Map<String, Object> ingest = PostgresBench.ingest(postgres, dir, runs);
            results.put("postgres_store_only", ingest);
            table(print, "Storing alone, 1 M bars of 300 symbols in batches of 50,000: H2, PostgreSQL upserts,"
                    + " PostgreSQL COPY + merge", ingest);
            Map<String, Object> query = PostgresBench.query(postgres, dir, runs);
            results.put("postgres_query_day", query);
            table(print, "Query: one symbol's extended-hours day from 20 symbols × 5 days, H2 and PostgreSQL", query);
            Map<String, Object> watch = PostgresBench.watch(postgres, runs);
            results.put("postgres_watch", watch);
            table(print, "A window watching PostgreSQL: from a bar stored to the bar in its live series", watch);
        }
        if (all || what.equals("movers")) {
            Map<String, Object> movers = MoversBench.run(runs);
            results.put("movers", movers);
            table(print, "Movers engine: 8,000 symbols at 10,000 bars/s with 30,000 in one second of ten, 60 s after a"
                    + " 5-minute warm-up, 100 events; then the watchlist's 30 symbols alone", movers);
        }
        if (what.equals("market")) {
            int marketSymbols = symbols == null ? 8000 : symbols;
            Map<String, Object> market = MarketDayBench.runs(dir, marketSymbols, seconds, speed, runs);
            results.put("market_day", market);
            table(print, "A whole market recorded into H2 (" + marketSymbols + " symbols, " + seconds + " market seconds, "
                    + (speed > 0 ? "speed " + speed : "as fast as it goes") + "; target 24 bytes a bar, file at most"
                    + " 2x its live data, symbol-day p50 20 ms)", market);
        }
        if (all || what.equals("detector")) {
            Map<String, Object> detector = DetectorBench.seeds(seed, 3, date, 30, DetectorSettings.DEFAULT);
            results.put("detector", detector);
            table(print, "Spike detector, 30 symbols, " + date + ", seeds " + seed + " to " + (seed + 2)
                    + " (min / median / max over seeds): the simulator, then the independent tape", detector);
        }
        results.write(out);
        if (all || what.equals("chart")) {
            chart(print);
        }
        if (all || what.equals("idle")) {
            idle(print);
        }
        print.println("Figures written to " + out.toAbsolutePath());
        return ExitCodes.OK;
    }

    /** Chart figures need the JavaFX toolkit, which the command line never starts: a child JVM runs them. */
    private void chart(PrintWriter print) throws Exception {
        print.println();
        print.println("Chart: first frame of a full day, and frame times with 30 symbols at 50x (software pipeline)");
        print.flush();
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            print.println("  skipped: needs a display; run under xvfb-run -a");
            return;
        }
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBinary.toString(), "-Dprism.order=sw", "-cp",
                System.getProperty("java.class.path"), "dev.tapewatch.bench.ChartBench", out.toString(),
                String.valueOf(runs))
                .redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> line.startsWith("  ")).forEach(line -> {
                print.println(line);
                print.flush();
            });
        }
        if (process.waitFor() != 0) {
            throw new CommandFailure("the chart benchmark failed (exit " + process.exitValue() + ")", ExitCodes.FAILURE);
        }
    }

    /** The window itself, idle: child JVMs running the app, which needs a display. */
    private void idle(PrintWriter print) throws Exception {
        String title = "Idle window: first-run defaults (simulator 1x, five symbols), software pipeline";
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            print.println();
            print.println(title);
            print.println("  skipped: needs a display; run under xvfb-run -a");
            return;
        }
        Map<String, Object> idle = IdleWindowBench.run(runs);
        BenchResults results = new BenchResults();
        results.put("idle_window", idle);
        results.write(out);
        table(print, title, idle);
    }

    @SafeVarargs
    private static void table(PrintWriter print, String title, Map<String, Object>... parts) {
        print.println();
        print.println(title);
        for (Map<String, Object> part : parts) {
            part.forEach((name, value) -> print.printf(Locale.ROOT, "  %-36s %s%n", name, format(value)));
        }
        print.flush();
    }

    private static String format(Object value) {
        if (value instanceof Map<?, ?> spread && spread.containsKey("median")) {
            return format(spread.get("min")) + " / " + format(spread.get("median")) + " / " + format(spread.get("max"));
        }
        if (value instanceof Double number) {
            return Math.abs(number) >= 1000 ? String.format(Locale.ROOT, "%,.0f", number)
                    : String.format(Locale.ROOT, "%.3f", number);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }
}
