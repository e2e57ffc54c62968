package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.ChildJvm;
import dev.tapewatch.TestPostgres;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL server restarted under a recording (a real stop and start of a cluster of this test's own): the
 * recorder says loudly that it is not storing while the server is away, reconnects when it is back, stores every
 * bar it held, and coverage shows no gap (the feed never dropped; only the database was away). Told to stop while
 * the server is away, it waits for it (saying so) instead of giving up the bars it holds.
 */
class PostgresRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern STORED = Pattern.compile("received (\\d+)  stored (\\d+)  waiting (\\d+)");
    private static final Pattern FINAL = Pattern.compile("Stored (\\d+) bars \\((\\d+) received");

    @TempDir
    Path dir;

    private static void cluster(String action, Path cluster) throws Exception {
        Process process = new ProcessBuilder("scripts/test-postgres.sh", action, cluster.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, action + ": " + output);
    }

    private static long[] counts(String line) {
        Matcher matcher = STORED.matcher(line);
        return matcher.find() ? new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
            Long.parseLong(matcher.group(3))} : null;
    }

    @Test
    void theRecorderStoresEverythingItHeldOnceTheRestartedServerIsBack() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipPostgres"), "PostgreSQL tests skipped: -DskipPostgres");
        Path cluster = java.nio.file.Files.createTempDirectory("tapewatch-pg-restart"); // the server user reads it
        Process start = new ProcessBuilder("scripts/test-postgres.sh", "start", cluster.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String admin = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(start.waitFor(60, TimeUnit.SECONDS) && start.exitValue() == 0 && !admin.isEmpty(), admin);
        try {
            try (Connection connection = DriverManager.getConnection(admin);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE restarted");
            }
            String url = TestPostgres.withDatabase(admin, "restarted");
            long received;
            try (ChildJvm recorder = ChildJvm.start(dir.resolve("home"), List.of(), "record", "--symbols",
                    "SPY,AAPL", "--speed", "20", "--start", "2024-01-02T10:00", "--db", url, "--status-every",
                    "200ms", "--no-backfill")) {
                recorder.awaitLine(WAIT, "bars stored", line -> counts(line) != null && counts(line)[1] >= 200);
                cluster("stop", cluster);
                String loud = recorder.awaitLine(WAIT, "the recorder saying it is not storing",
                        line -> line.contains("NOT STORING") && counts(line) != null && counts(line)[2] >= 100);
                assertTrue(loud.contains("PostgreSQL"), loud);
                cluster("start-again", cluster);
                int seen = recorder.out().size();
                Await.until(WAIT, "everything held stored after the restart", () -> {
                    List<String> lines = List.copyOf(recorder.out()); // a snapshot: the child keeps writing
                    for (String line : lines.subList(Math.min(seen, lines.size()), lines.size())) {
                        long[] counts = counts(line);
                        if (counts != null && counts[2] == 0 && !line.contains("NOT STORING")
                                && counts[1] > 400) {
                            return true;
                        }
                    }
                    return false;
                }, () -> String.join("\n", recorder.out().subList(Math.max(0, recorder.out().size() - 5),
                        recorder.out().size())) + recorder.err());
                // away again, and the recorder told to stop while it is: it waits for the server, saying so
                cluster("stop", cluster);
                recorder.awaitLine(WAIT, "not storing again", line -> line.contains("NOT STORING"));
                recorder.terminate();
                Await.until(WAIT, "the stopping recorder waiting for the server",
                        () -> recorder.err().contains("Stopping: waiting for the database to store"),
                        recorder::err);
                cluster("start-again", cluster);
                assertEquals(0, recorder.awaitExit(WAIT), recorder.err());
                Matcher last = FINAL.matcher(String.join("\n", recorder.out()));
                assertTrue(last.find(), recorder.out().toString());
                assertEquals(last.group(2), last.group(1), "every bar received is stored: " + last.group());
                received = Long.parseLong(last.group(2));
            }
            try (BarStore store = BarStore.open(StoreLocation.parse(url), BarStore.Mode.EXISTING)) {
                assertEquals(received, store.countBars());
                long first = Math.min(store.bars("SPY", 0, Long.MAX_VALUE).get(0).start(),
                        store.bars("AAPL", 0, Long.MAX_VALUE).get(0).start());
                long lastEnd = Math.max(store.lastBars("SPY", 0, Long.MAX_VALUE, 1).get(0).end(),
                        store.lastBars("AAPL", 0, Long.MAX_VALUE, 1).get(0).end());
                for (String symbol : List.of("SPY", "AAPL")) {
                    List<Coverage.Gap> gaps = Coverage.gaps(symbol, store.coverage(first, lastEnd)).stream()
                            .filter(gap -> gap.end() > first && gap.start() < lastEnd).toList();
                    assertEquals(List.of(), gaps, symbol + ": the database was away, not the feed");
                }
            }
        } finally {
            new ProcessBuilder("scripts/test-postgres.sh", "remove", cluster.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
    }
}
