package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.export.CsvExport;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in process; {@link #run} is how every command-line test runs a command. */
public class CliTest {
    @TempDir
    Path dir;

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path seededDatabase() {
        Path db = dir.resolve("db");
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.CREATE)) {
            store.upsert(TestBars.day("SPY", 100));
            store.upsert(TestBars.day("AAPL", 10));
        }
        return db;
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("tapewatch "), version.out());
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("export") && help.out().contains("Exit codes"), help.out());
    }

    @Test
    void exportWritesTheRangeAndImportReadsItBack() throws Exception {
        Path db = seededDatabase();
        Path csv = dir.resolve("spy.csv");
        Run export = run("export", "--db", db.toString(), "--symbol", "spy", "--date", "2024-01-02",
                "--from", "09:30", "--to", "09:30:30", "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        // 10 consecutive seconds, then every other second: 09:30:00..09:30:29 holds 20 bars.
        assertEquals(1 + 20, Files.readAllLines(csv).size());
        assertTrue(export.err().contains("Wrote 20 bars of SPY"), export.err());

        Path other = dir.resolve("other");
        Run imported = run("import", csv.toString(), "--db", other.toString());
        assertEquals(0, imported.code(), imported.err());
        Path again = dir.resolve("again.csv");
        assertEquals(0, run("export", "--db", other.toString(), "--symbol", "SPY", "--date", "2024-01-02",
                "--out", again.toString()).code());
        assertEquals(Files.readString(csv), Files.readString(again));
    }

    @Test
    void daysAndSymbolsList() {
        Path db = seededDatabase();
        Run days = run("days", "--db", db.toString());
        assertEquals(0, days.code(), days.err());
        assertEquals(String.format("%-10s  %-8s  %8s%n%-10s  %-8s  %8d%n%-10s  %-8s  %8d%n",
                "date", "symbol", "bars", "2024-01-02", "AAPL", 10, "2024-01-02", "SPY", 100), days.out());
        Run symbols = run("symbols", "--db", db.toString());
        assertEquals(String.format("AAPL%nSPY%n"), symbols.out());
    }

    @Test
    void badArgumentsExitWithTwoNamingTheArgument() {
        Run badDate = run("export", "--symbol", "SPY", "--date", "2024-13-01", "--out", "-");
        assertEquals(2, badDate.code());
        assertTrue(badDate.err().contains("--date") && badDate.err().contains("2024-13-01"), badDate.err());
        Run badSymbol = run("export", "--symbol", "$PY", "--date", "2024-01-02", "--out", "-");
        assertEquals(2, badSymbol.code());
        assertTrue(badSymbol.err().contains("'$PY' is not a US ticker"), badSymbol.err());
        Run missing = run("export", "--date", "2024-01-02", "--out", "-");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--symbol"), missing.err());
        Run reversed = run("export", "--symbol", "SPY", "--date", "2024-01-02", "--from", "10:00", "--to", "09:00",
                "--out", "-");
        assertEquals(2, reversed.code());
        assertTrue(reversed.err().contains("--to"), reversed.err());
        assertEquals(2, run("no-such-command").code());
    }

    @Test
    void aMissingDatabaseFailsWithOneLineAndCreatesNothing() {
        Path db = dir.resolve("nonexistent/dir/x");
        Path out = dir.resolve("a.csv");
        Run run = run("export", "--db", db.toString(), "--symbol", "SPY", "--date", "2024-01-02", "--out",
                out.toString());
        assertEquals(1, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(db + ".mv.db"), run.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(db.getParent()));
    }

    @Test
    void aBadCsvFailsNamingTheLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "hello,world\r\n");
        Run run = run("import", csv.toString(), "--db", dir.resolve("db").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("line 1: the header is hello,world"), run.err());
    }

    @Test
    void aDatabaseInUseByAnotherProcessIsReportedClearly() throws Exception {
        Path db = seededDatabase();
        try (BarStore holder = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            assertEquals(110, holder.countBars());
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.tapewatch.Main", "days", "--db", db.toString())
                    .redirectErrorStream(false).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            String err = new String(process.getErrorStream().readAllBytes());
            assertEquals(1, process.exitValue(), err);
            assertTrue(err.contains("is in use by another process"), err);
            assertTrue(err.contains(db + ".mv.db"), err);
        }
    }

    @Test
    void exportToStdoutMatchesTheFileExport() throws Exception {
        Path db = seededDatabase();
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            assertEquals(0, run("export", "--db", db.toString(), "--symbol", "AAPL", "--date", "2024-01-02",
                    "--out", "-").code());
        } finally {
            System.setOut(original);
        }
        Path file = dir.resolve("aapl.csv");
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            new CsvExport(store).toFile("AAPL", ExchangeTime.startOfDay(TestBars.DAY),
                    ExchangeTime.endOfDay(TestBars.DAY), file, null);
        }
        assertEquals(Files.readString(file), captured.toString());
    }
}
