package dev.tapewatch.cli;

import dev.tapewatch.bench.DetectorBench;
import dev.tapewatch.bench.BenchResults;
import dev.tapewatch.bench.IngestBench;
import dev.tapewatch.bench.QueryExportBench;
import dev.tapewatch.detect.DetectorSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures Tapewatch, prints a table and writes the figures to --out (JSON, merged with what"
                + " is there). WHAT: ingest, query, export, detector, chart, or all. The chart benchmark runs in a"
                + " JVM of its own and needs a display (e.g. xvfb-run).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "ingest | query | export | detector | chart | all")
    String what;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Working folder (default target/bench).")
    Path dir;

    @Option(names = "--out", defaultValue = "target/bench/results.json", description = "Results file.")
    Path out;

    @Option(names = "--bars", defaultValue = "2000000", description = "Bars to ingest end to end (default 2,000,000).")
    long bars;

    @Option(names = "--symbols", defaultValue = "300", description = "Symbols streamed in the ingest run (default 300).")
    int symbols;

    @Option(names = "--seed", defaultValue = "1", description = "Detector: market seed (default 1).")
    long seed;

    @Option(names = "--date", defaultValue = "2024-01-02", description = "Detector: simulated day (default 2024-01-02).")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        BenchResults results = new BenchResults();
        PrintWriter print = spec.commandLine().getOut();
        boolean all = what.equals("all");
        if (!all && !java.util.List.of("ingest", "query", "export", "detector", "chart").contains(what)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown benchmark '" + what
                    + "'; use ingest, query, export, detector, chart or all");
        }
        if (all || what.equals("ingest")) {
            Map<String, Object> endToEnd = IngestBench.endToEnd(dir, bars, symbols);
            Map<String, Object> store = IngestBench.storeOnly(dir, symbols, (int) Math.max(1, bars / symbols));
            Map<String, Object> decode = IngestBench.decodeOnly(symbols, (int) Math.max(1, bars / symbols));
            Map<String, Object> naive = IngestBench.naive(dir, 20_000);
            double ingestRate = (double) endToEnd.get("bars_per_second");
            double storeRate = (double) store.get("bars_per_second");
            Map<String, Object> comparison = new LinkedHashMap<>();
            comparison.put("end_to_end_share_of_store_only", ingestRate / storeRate);
            comparison.put("batch_writer_over_naive", storeRate / (double) naive.get("bars_per_second"));
            results.put("ingest_end_to_end", endToEnd);
            results.put("store_only", store);
            results.put("decode_only", decode);
            results.put("naive_insert_autocommit", naive);
            results.put("ingest_comparison", comparison);
            table(print, "Ingest: simulator at full speed → loopback websocket → decode → BarWriter → H2 file",
                    endToEnd, store, decode, naive, comparison);
        }
        if (all || what.equals("query")) {
            Map<String, Object> query = QueryExportBench.query(dir);
            results.put("query_day", query);
            table(print, "Query: one symbol's extended-hours day from 100 symbols × 5 days", query);
        }
        if (all || what.equals("export")) {
            Map<String, Object> export = QueryExportBench.export(dir);
            results.put("export_csv", export);
            table(print, "Export: CSV", export);
        }
        if (all || what.equals("detector")) {
            DetectorBench.Result detector = DetectorBench.run(seed, date, 30, DetectorSettings.DEFAULT);
            results.put("detector", detector.figures());
            table(print, "Spike detector vs the simulator's ground truth (" + date + ", seed " + seed + ")",
                    detector.figures());
        }
        results.write(out);
        if (all || what.equals("chart")) {
            chart(print);
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
                System.getProperty("java.class.path"), "dev.tapewatch.bench.ChartBench", out.toString())
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
