package dev.tapewatch.study;

import static dev.tapewatch.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code study --csv}: every return recomputed from the CSV export with the stated definitions. */
class StudyTest {
    @TempDir
    Path dir;


    @Test
    void everyReturnAgreesWithOneRecomputedFromTheCsvExport() throws Exception {
        Path db = StudyTape.seed(dir);
        Path studyCsv = dir.resolve("study.csv");
        Run study = run("study", "--db", db.toString(), "--from", "2024-01-02", "--to", "2024-01-02", "--csv",
                studyCsv.toString());
        assertEquals(0, study.code(), study.err());
        Path barsCsv = dir.resolve("bars.csv");
        Run export = run("export", "--db", db.toString(), "--symbol", "SPY", "--date", "2024-01-02", "--out",
                barsCsv.toString());
        assertEquals(0, export.code(), export.err());

        List<long[]> starts = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (Map<String, String> bar : read(barsCsv)) {
            starts.add(new long[] {Long.parseLong(bar.get("start_ms"))});
            closes.add(Double.parseDouble(bar.get("close")));
        }
        List<Map<String, String>> rows = read(studyCsv);
        assertEquals(3, rows.size(), "the spike at the first bar has no reference");
        String[] horizons = {"5s", "30s", "1m", "5m", "15m"};
        long[] seconds = {5, 30, 60, 300, 900};
        long lastStart = starts.get(starts.size() - 1)[0];
        for (Map<String, String> row : rows) {
            long start = Long.parseLong(row.get("start_ms"));
            long end = Long.parseLong(row.get("end_ms")) - 1000; // the spike's last second
            double reference = Double.NaN;
            for (int i = 0; i < starts.size() && starts.get(i)[0] < start; i++) {
                reference = closes.get(i);
            }
            assertClose(100 * (closeAt(starts, closes, end) / reference - 1), row.get("move_pct"), row);
            for (int h = 0; h < horizons.length; h++) {
                long at = end + seconds[h] * 1000;
                String got = row.get("ret_" + horizons[h] + "_pct");
                if (at > lastStart) {
                    assertEquals("", got, "past the day's last bar: " + row);
                } else {
                    assertClose(100 * (closeAt(starts, closes, at) / reference - 1), got, row);
                }
            }
            double move = Double.parseDouble(row.get("move_pct"));
            for (String h : List.of("1m", "5m")) {
                String ret = row.get("ret_" + h + "_pct");
                if (!ret.isEmpty()) {
                    assertClose(100 * (move - Double.parseDouble(ret)) / move, row.get("gave_back_" + h + "_pct"), row);
                }
            }
        }
        assertEquals(List.of("continued", "reversed", "unknown"), rows.stream().map(r -> r.get("outcome_5m")).toList());
        assertClose(1.0, rows.get(0).get("move_pct"), rows.get(0));
        assertClose(2.0, rows.get(0).get("ret_5m_pct"), rows.get(0));

        assertTrue(study.out().startsWith("3 spikes 2024-01-02..2024-01-02 (1 more with no bar before them that day,"
                + " left out)"), study.out());
        assertTrue(study.out().contains("continued (Wilson 95 %)") && study.out().contains("reversed (Wilson 95 %)"));
        // kind, band, spikes, known, continued, reversed, held
        assertTrue(line(study.out(), "volume").matches("volume +6–10 +1 +1 +1 = 100% \\(21–100%\\) +0 = 0% \\(0–79%\\) +0 .*"),
                study.out());
        assertTrue(line(study.out(), "price").matches("price +10–20 +1 +1 +0 = 0% \\(0–79%\\) +1 = 100% \\(21–100%\\) +0 .*"),
                study.out());
        assertTrue(line(study.out(), "both").matches("both +≥20 +1 +0 +- +- +0 .*"), study.out());

        Run onlyPrice = run("study", "--db", db.toString(), "--from", "2024-01-02", "--to", "2024-01-02", "--kind",
                "PRICE", "--min-score", "10");
        assertTrue(onlyPrice.out().startsWith("1 spikes"), onlyPrice.out());
        Run badKind = run("study", "--db", db.toString(), "--from", "2024-01-02", "--to", "2024-01-02", "--kind", "wick");
        assertEquals(2, badKind.code());
        assertTrue(badKind.err().contains("unknown spike kind 'wick'; the kinds are volume, price, both"), badKind.err());
    }

    @Test
    void wilsonIntervalsMatchTheTextbookFigures() {
        StudySummary.Rate rate = StudySummary.wilson(8, 14);
        assertEquals(0.325906, rate.low(), 1e-6);
        assertEquals(0.786192, rate.high(), 1e-6);
        assertEquals(0.0, StudySummary.wilson(0, 1).low(), 0);
        assertEquals(0.793451, StudySummary.wilson(0, 1).high(), 1e-6);
    }

    private static String line(String out, String kind) {
        return out.lines().filter(l -> l.startsWith(kind + " ")).findFirst().orElse("");
    }

    private static double closeAt(List<long[]> starts, List<Double> closes, long time) {
        double close = Double.NaN;
        for (int i = 0; i < starts.size() && starts.get(i)[0] <= time; i++) {
            close = closes.get(i);
        }
        return close;
    }

    private static void assertClose(double expected, String actual, Map<String, String> row) {
        assertTrue(!actual.isEmpty(), "a value expected in " + row);
        assertEquals(expected, Double.parseDouble(actual), 1e-6, row.toString());
    }

    private static List<Map<String, String>> read(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], values[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
