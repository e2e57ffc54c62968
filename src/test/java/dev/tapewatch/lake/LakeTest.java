package dev.tapewatch.lake;

import static dev.tapewatch.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.cli.CliTest.Run;
import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake read by an outside reader, DuckDB: bar for bar what the CSV export says, and incremental. */
class LakeTest {
    private static final LocalDate SECOND_DAY = LocalDate.of(2024, 1, 3);

    @TempDir
    Path dir;


    private Path seed() {
        Path db = dir.resolve("db");
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.CREATE)) {
            store.upsert(TestBars.day("SPY", 3000));
            store.upsert(TestBars.day("AAPL", 10));
            long open = ExchangeTime.toEpochMillis(SECOND_DAY, LocalTime.of(9, 30));
            List<Bar> restBars = new ArrayList<>(); // REST bars carry no day fields: nulls in the lake
            for (int i = 0; i < 50; i++) {
                restBars.add(Bar.of("SPY", open + i * 1000L, open + i * 1000L + 1000, 470 + i * 0.01,
                        470.5 + i * 0.01, 469.5 + i * 0.01, 470 + i * 0.01, 10 + i, 470 + i * 0.01)
                        .withSource(Bar.Source.REST));
            }
            store.upsert(restBars);
            store.replaceSpikes("SPY", ExchangeTime.startOfDay(TestBars.DAY), ExchangeTime.endOfDay(TestBars.DAY),
                    List.of(new Spike("SPY", TestBars.at(9, 30, 4), TestBars.at(9, 30, 8), TestBars.at(9, 30, 5),
                            Spike.Kind.VOLUME, 7.5, 12.0)));
            store.addCoverage(List.of("SPY", "AAPL"), TestBars.at(9, 30, 0), TestBars.at(11, 0, 0), "stopped");
        }
        return db;
    }

    @Test
    void duckDbReadsTheLakeBackAsTheCsvExportAndASecondRunAddsNothing() throws Exception {
        Path db = seed();
        Path lake = dir.resolve("lake");
        Run first = run("lake", "--db", db.toString(), "--out", lake.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("3 symbol-days written (3060 bars), 0 unchanged"), first.out());
        assertTrue(first.err().contains("2024-01-02 SPY (day 1 of 2): 3000 bars written"), first.err());
        assertTrue(Files.isRegularFile(lake.resolve("date=2024-01-02").resolve("SPY.parquet")));

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            assertEqualsCsv(sql, db, bars(lake), "SPY", TestBars.DAY);
            assertEqualsCsv(sql, db, bars(lake), "AAPL", TestBars.DAY);
            assertEqualsCsv(sql, db, bars(lake), "SPY", SECOND_DAY);
            assertEquals(List.of("TIMESTAMP WITH TIME ZONE", "DATE"),
                    row(sql, "SELECT typeof(time), typeof(date) FROM " + bars(lake) + " LIMIT 1"));
            assertEquals(List.of("0"), row(sql, "SELECT count(*) FROM " + bars(lake) + " WHERE epoch_ms(time) <> start_ms"));
            assertEquals(List.of("50", "50"), row(sql, "SELECT count(*), count(*) FILTER (WHERE accumulated_volume IS NULL"
                    + " AND day_open IS NULL AND source = 'rest') FROM " + bars(lake) + " WHERE date = DATE '2024-01-03'"));
            assertEquals(List.of("SPY", "volume", "7.5", "4"), row(sql, "SELECT symbol, kind, score,"
                    + " (end_ms - start_ms) // 1000 FROM read_parquet('" + lake.resolve("_spikes.parquet") + "')"));
            assertEquals(List.of("SPY,AAPL", "stopped"), row(sql, "SELECT symbols, end_reason FROM read_parquet('"
                    + lake.resolve("_coverage.parquet") + "')"));

            Run second = run("lake", "--db", db.toString(), "--out", lake.toString());
            assertEquals(0, second.code(), second.err());
            assertTrue(second.out().contains("0 symbol-days written (0 bars), 3 unchanged, 0 removed"), second.out());
            assertEquals(List.of("3060", "3060"), row(sql, "SELECT count(*), count(DISTINCT (symbol, start_ms))"
                    + " FROM " + bars(lake)));
            try (var files = Files.walk(lake)) {
                assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".part")).count());
            }

            // an import changes one bar and adds one: only that symbol-day is rewritten
            Path csv = dir.resolve("change.csv");
            Files.writeString(csv, String.join("\r\n", "symbol,time,start_ms,end_ms,open,high,low,close,volume,vwap,accumulated_volume,day_open,day_vwap,"
                            + "avg_trade_size,spike",
                    "SPY,2024-01-02T09:30:00," + TestBars.at(9, 30, 0) + "," + (TestBars.at(9, 30, 0) + 1000)
                            + ",500,501,499,500.5,77,500.25,,,,,0",
                    "SPY,2024-01-02T08:00:00," + TestBars.at(8, 0, 0) + "," + (TestBars.at(8, 0, 0) + 1000)
                            + ",400,401,399,400.5,5,400.25,,,,,0", ""));
            Run imported = run("import", csv.toString(), "--db", db.toString());
            assertEquals(0, imported.code(), imported.err());
            Run third = run("lake", "--db", db.toString(), "--out", lake.toString());
            assertEquals(0, third.code(), third.err());
            assertTrue(third.out().contains("1 symbol-days written (3001 bars), 2 unchanged"), third.out());
            assertEqualsCsv(sql, db, bars(lake), "SPY", TestBars.DAY);
            assertEquals(List.of("3061", "3061"), row(sql, "SELECT count(*), count(DISTINCT (symbol, start_ms))"
                    + " FROM " + bars(lake)));

            // what audit --fix stores: the provider's version of a revised second (a late trade in AAPL's 5th)
            try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
                long from = ExchangeTime.startOfDay(TestBars.DAY);
                long to = ExchangeTime.endOfDay(TestBars.DAY);
                List<Bar> theirs = new ArrayList<>();
                for (Bar bar : store.bars("AAPL", from, to)) {
                    theirs.add(bar.start() == TestBars.at(9, 30, 4) ? Bar.of("AAPL", bar.start(), bar.end(), bar.open(),
                            bar.high(), bar.low(), bar.close(), bar.volume() + 300, bar.vwap()).withSource(Bar.Source.REST)
                            : bar);
                }
                List<Bar> fixes = dev.tapewatch.app.Audit.compare("AAPL", store.bars("AAPL", from, to), theirs).fixes();
                assertEquals(1, fixes.size());
                store.upsert(fixes);
            }
            Run afterFix = run("lake", "--db", db.toString(), "--out", lake.toString());
            assertTrue(afterFix.out().contains("1 symbol-days written (10 bars), 2 unchanged"), afterFix.out());
            assertEqualsCsv(sql, db, bars(lake), "AAPL", TestBars.DAY);
            assertEquals(List.of("1"), row(sql, "SELECT count(*) FROM " + bars(lake) + " WHERE symbol = 'AAPL'"
                    + " AND source = 'rest'"));

            Run rewrite = run("lake", "--db", db.toString(), "--out", lake.toString(), "--all-days", "--symbols", "AAPL");
            assertTrue(rewrite.out().contains("1 symbol-days written (10 bars), 0 unchanged"), rewrite.out());
        }
    }

    /** The README's "analyse it in Python" queries, as written there, against a lake this test wrote. */
    @Test
    void theReadmesPythonQueriesReadTheLake() throws Exception {
        Path db = seed();
        Path lake = dir.resolve("lake");
        assertEquals(0, run("lake", "--db", db.toString(), "--out", lake.toString()).code());
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Analyse it in Python"));
        String python = section.substring(section.indexOf("```python") + 9, section.indexOf("```", section.indexOf("```python") + 9));
        java.util.regex.Matcher queries = java.util.regex.Pattern.compile("duckdb\\.sql\\(\"([^\"]+)\"\\)").matcher(python);
        List<String> found = new ArrayList<>();
        while (queries.find()) {
            found.add(queries.group(1).replace("'lake/", "'" + lake + "/"));
        }
        assertEquals(2, found.size(), python);
        assertEquals(3, python.strip().lines().count(), "three lines");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            try (ResultSet bars = sql.executeQuery(found.get(0))) {
                int rows = 0;
                while (bars.next()) {
                    rows++;
                }
                assertEquals(3060, rows);
                assertTrue(bars.getMetaData().getColumnCount() == 19, "18 columns and the date of the folder");
            }
            try (ResultSet spikes = sql.executeQuery(found.get(1))) {
                assertTrue(spikes.next());
                assertEquals("SPY", spikes.getString("symbol"));
            }
        }
    }

    @Test
    void exportAsParquetIsTheCsvExportInParquet() throws Exception {
        Path db = seed();
        Path file = dir.resolve("spy.parquet");
        Run export = run("export", "--db", db.toString(), "--symbol", "SPY", "--date", "2024-01-02", "--format",
                "parquet", "--out", file.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(export.err().contains("Wrote 3000 bars of SPY"), export.err());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            assertEqualsCsv(sql, db, "read_parquet('" + file + "')", "SPY", TestBars.DAY);
        }
        Run toStdout = run("export", "--db", db.toString(), "--symbol", "SPY", "--date", "2024-01-02", "--format",
                "parquet", "--out", "-");
        assertEquals(2, toStdout.code());
        assertTrue(toStdout.err().contains("--format parquet writes a file"), toStdout.err());
    }

    private static String bars(Path lake) {
        return "read_parquet('" + lake + "/date=*/*.parquet', hive_partitioning = true)";
    }

    /** Every row and column of DuckDB's reading equals the CSV export's, in the CSV's own text. */
    private void assertEqualsCsv(Statement sql, Path db, String table, String symbol, LocalDate day) throws Exception {
        Path csv = dir.resolve(symbol + "-" + day + ".csv");
        Run export = run("export", "--db", db.toString(), "--symbol", symbol, "--date", day.toString(),
                "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<List<String>> expected = lines.subList(1, lines.size()).stream()
                .map(line -> List.of(line.split(",", -1))).toList();
        String columns = String.join(", ", header.stream().map(name -> switch (name) {
            case "time" -> "strftime(timezone('America/New_York', time), '%Y-%m-%dT%H:%M:%S')";
            case "spike" -> "CASE WHEN spike THEN '1' ELSE '0' END";
            case "symbol" -> name;
            default -> "CAST(" + name + " AS VARCHAR)";
        }).toList());
        List<List<String>> actual = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT " + columns + " FROM " + table + " WHERE symbol = '" + symbol
                + "' AND start_ms >= " + ExchangeTime.startOfDay(day) + " AND start_ms < " + ExchangeTime.endOfDay(day)
                + " ORDER BY start_ms")) {
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= header.size(); i++) {
                    String text = rows.getString(i);
                    row.add(text == null ? "" : text);
                }
                actual.add(row);
            }
        }
        assertEquals(expected.size(), actual.size(), symbol + " " + day + " row count");
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 0; c < header.size(); c++) {
                String want = expected.get(i).get(c);
                String got = actual.get(i).get(c);
                boolean equal = want.equals(got) || (!want.isEmpty() && !got.isEmpty()
                        && Set.of("open", "high", "low", "close", "volume", "vwap", "accumulated_volume", "day_open",
                                "day_vwap", "avg_trade_size").contains(header.get(c))
                        && Double.parseDouble(want) == Double.parseDouble(got));
                assertTrue(equal, symbol + " " + day + " row " + i + " " + header.get(c) + ": CSV " + want
                        + ", lake " + got);
            }
        }
    }

    private static List<String> row(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next(), query);
            ResultSetMetaData meta = rows.getMetaData();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                values.add(rows.getString(i));
            }
            return values;
        }
    }
}
