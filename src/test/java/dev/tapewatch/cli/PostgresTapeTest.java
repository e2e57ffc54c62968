package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.ChildJvm;
import dev.tapewatch.TestPostgres;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder writing to PostgreSQL while other processes read the same database; tapes moved between stores. */
class PostgresTapeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern STORED = Pattern.compile("stored (\\d+) ");
    private static final String DAY = "2024-01-02";

    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, String.join(" ", args) + "\n" + out + err);
        return out.toString();
    }

    private static long stored(String line) {
        Matcher matcher = STORED.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    @Test
    void recordsWhileOthersReadAndTheTapeCopiesToH2AndBackByteForByte() throws Exception {
        String url = TestPostgres.newDatabase().jdbcUrl();
        String password = url.substring(url.indexOf("password=") + "password=".length());
        String urlWithoutPassword = url.substring(0, url.indexOf("&password="));
        try (ChildJvm recorder = ChildJvm.start(dir.resolve("home"), List.of(), "record", "--symbols",
                "SPY,AAPL,MSFT", "--speed", "200", "--start", DAY + "T10:00", "--db", url, "--status-every",
                "100ms", "--no-backfill")) {
            recorder.awaitLine(WAIT, "bars stored", line -> stored(line) >= 600);
            // other processes read while it records; this one takes the password from PGPASSWORD
            Path during = dir.resolve("during.csv");
            try (ChildJvm reader = ChildJvm.start(dir.resolve("home"), Map.of("PGPASSWORD", password), List.of(),
                    "export", "--db", urlWithoutPassword, "--date", DAY, "--symbol", "SPY", "--out", during.toString())) {
                assertEquals(0, reader.awaitExit(WAIT), reader.err());
            }
            List<String> rows = Files.readAllLines(during);
            assertTrue(rows.size() > 100, "rows exported while recording: " + rows.size());
            try (ChildJvm days = ChildJvm.start(dir.resolve("home"), List.of(), "days", "--db", url)) {
                assertEquals(0, days.awaitExit(WAIT), days.err());
                assertTrue(days.out().stream().anyMatch(line -> line.matches(DAY + "\\s+SPY\\s+\\d+")),
                        days.out().toString());
            }
            recorder.terminate();
            assertEquals(0, recorder.awaitExit(WAIT), recorder.err());
            String everything = String.join("\n", recorder.out()) + recorder.err();
            assertFalse(everything.contains(password), "the recorder never shows the password");
            assertTrue(everything.contains("jdbc:postgresql://"), everything);
        }

        Path h2 = dir.resolve("copy");
        String copied = run("copy", "--from", url, "--to", h2.toString());
        assertTrue(copied.startsWith("Copied 3 symbol-days ("), copied);
        String back = TestPostgres.newDatabase().jdbcUrl();
        run("copy", "--from", h2.toString(), "--to", back);
        String again = run("copy", "--from", h2.toString(), "--to", back);
        assertTrue(again.startsWith("Copied 0 symbol-days (0 bars, 0 spikes) and 0 coverage spans"), again);
        assertTrue(again.contains("3 symbol-days were already there"), again);

        for (String symbol : List.of("SPY", "AAPL", "MSFT")) {
            byte[] fromPostgres = export(url, symbol);
            assertTrue(fromPostgres.length > 1000);
            assertArrayEquals(fromPostgres, export(h2.toString(), symbol), symbol + ": PostgreSQL and H2 differ");
            assertArrayEquals(fromPostgres, export(back, symbol), symbol + ": the copy back differs");
        }
        try (BarStore original = BarStore.open(StoreLocation.parse(url), BarStore.Mode.EXISTING);
             BarStore copy = BarStore.open(StoreLocation.ofFile(h2), BarStore.Mode.EXISTING)) {
            List<DayCount> days = original.days(null);
            assertEquals(days, copy.days(null));
            assertEquals(original.coverage(0, Long.MAX_VALUE).size(), copy.coverage(0, Long.MAX_VALUE).size());
            assertEquals(1, copy.coverage(0, Long.MAX_VALUE).size());
            assertEquals(LocalDate.parse(DAY), days.get(0).date());
        }
    }

    private byte[] export(String db, String symbol) throws Exception {
        Path file = Files.createTempFile(dir, symbol, ".csv");
        Files.delete(file);
        run("export", "--db", db, "--date", DAY, "--symbol", symbol, "--out", file.toString());
        return Files.readAllBytes(file);
    }
}
