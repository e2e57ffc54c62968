package dev.tapewatch.cli;

import dev.tapewatch.app.Threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.ScriptedPolygonServer;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.serve.ServerSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    @TempDir
    Path dir;

    private static long at(int hour, int minute, int second) {
        return ExchangeTime.toEpochMillis(DAY, LocalTime.of(hour, minute, second));
    }

    @Test
    void recordsTheSimulatorAndExportShowsTheBars() throws Exception {
        Path db = dir.resolve("db");
        CliTest.Run run = CliTest.run("record", "--symbols", "SPY,AAPL", "--duration", "3s", "--db", db.toString(),
                "--speed", "20", "--start", "2024-01-02T10:00", "--status-every", "1s");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("streaming"), run.out());
        List<DayCount> days;
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            days = store.days(null);
        }
        assertEquals(2, days.size(), days.toString());
        assertTrue(days.get(1).bars() > 20, days.toString());
        Path csv = dir.resolve("spy.csv");
        CliTest.Run export = CliTest.run("export", "--db", db.toString(), "--symbol", "SPY", "--date", "2024-01-02",
                "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        long spyBars = days.stream().filter(d -> d.symbol().equals("SPY")).findFirst().orElseThrow().bars();
        assertEquals(spyBars + 1, Files.readAllLines(csv).size());
    }

    @Test
    void aRefusedKeyExitsThreeWithinSeconds() throws Exception {
        try (MarketServer server = MarketServer.simulate(new ServerSettings(0, "right-key",
                ServerSettings.Protocol.POLYGON), SimulatorSettings.DEFAULT, Threads::named)) {
            long started = System.nanoTime();
            CliTest.Run run = CliTest.run("record", "--provider", "polygon", "--url", server.url().toString(),
                    "--key", "wrong-key-5521", "--symbols", "SPY", "--duration", "60s", "--db",
                    dir.resolve("db").toString());
            assertEquals(3, run.code(), run.out() + run.err());
            assertTrue(run.err().contains("refused the API key"), run.err());
            assertTrue(!run.err().contains("wrong-key-5521") && !run.out().contains("wrong-key-5521"));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "did not wait for --duration");
        }
    }

    @Test
    void aUrlThatNeverAnswersKeepsRetryingThenExitsFour() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliTest.Run run = CliTest.run("record", "--provider", "polygon", "--url", "ws://127.0.0.1:" + closedPort,
                "--key", "k", "--symbols", "SPY", "--duration", "3s", "--status-every", "1s", "--db",
                dir.resolve("db").toString());
        assertEquals(4, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("reconnecting in"), run.out());
        assertTrue(run.err().contains("Never received data"), run.err());
    }

    @Test
    void aMissingKeyForPolygonIsAUsageError() {
        CliTest.Run run = CliTest.run("record", "--provider", "polygon", "--symbols", "SPY", "--duration", "1s",
                "--db", dir.resolve("db").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("No Polygon API key"), run.err());
    }

    private static Bar bar(String symbol, long start, double close, double volume) {
        return new Bar(symbol, start, start + 1000, close, close + 0.02, close - 0.01, close, volume, close, 0, 0, 0,
                0, false);
    }

    @Test
    void aMisbehavingServerStillLeavesExactlyTheFinalBars() throws Exception {
        long t0 = at(10, 0, 0);
        long t1 = t0 + 1000;
        long t2 = t0 + 2000;
        long t3 = t0 + 3000;
        Bar spy0 = bar("SPY", t0, 470.10, 300);
        Bar spy0Replaced = bar("SPY", t0, 470.12, 450);
        Bar spy1 = bar("SPY", t1, 470.15, 120);
        Bar spy2 = bar("SPY", t2, 470.20, 80);
        Bar spy2Replaced = bar("SPY", t2, 470.21, 95);
        Bar spy3 = bar("SPY", t3, 470.30, 60);
        Bar aapl0 = bar("AAPL", t0, 190.00, 500);
        Bar aapl1 = bar("AAPL", t1, 190.05, 100.5);
        Bar aapl2 = bar("AAPL", t2, 190.10, 200);
        Bar aapl3 = bar("AAPL", t3, 190.20, 210);
        String status = "{\"ev\":\"status\",\"status\":\"success\",\"message\":\"something\"}";
        List<String> firstConnection = List.of(
                splice(PolygonCodec.bars(List.of(spy0, aapl0)), status, PolygonCodec.bars(List.of(spy1))),
                splice("[{\"ev\":\"XQ\",\"sym\":\"SPY\"}]", PolygonCodec.bars(List.of(aapl1))),
                "[{\"ev\":\"A\",\"sym\":\"SPY\",\"v\":",
                PolygonCodec.bars(List.of(spy0Replaced)),
                splice("[{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":470.2,\"s\":100}]",
                        PolygonCodec.bars(List.of(spy2)).replace("\"v\":80", "\"v\":80.0"),
                        PolygonCodec.bars(List.of(aapl2))));
        List<String> secondConnection = List.of(
                PolygonCodec.bars(List.of(spy1, spy2Replaced, aapl2)),
                PolygonCodec.bars(List.of(spy3, aapl3)));

        Path db = dir.resolve("db");
        ScriptedPolygonServer first = ScriptedPolygonServer.start(0, firstConnection);
        int port = first.port();
        CompletableFuture<CliTest.Run> record = CompletableFuture.supplyAsync(() -> CliTest.run("record",
                "--provider", "polygon", "--url", "ws://127.0.0.1:" + port, "--key", "K", "--symbols", "SPY,AAPL",
                "--duration", "8s", "--db", db.toString()));
        Await.until(Duration.ofSeconds(20), "the first connection's bars in the database",
                () -> storedRows(db).equals(List.of(aapl0, aapl1, aapl2, spy0Replaced, spy1, spy2)));
        first.close();
        try (ScriptedPolygonServer second = ScriptedPolygonServer.start(port, secondConnection)) {
            CliTest.Run run = record.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("1 reconnects"), run.out());
        }
        assertEquals(List.of(aapl0, aapl1, aapl2, aapl3, spy0Replaced, spy1, spy2Replaced, spy3), storedRows(db));
    }

    /** One frame holding the elements of several frames, in order. */
    private static String splice(String... frames) {
        List<String> inner = new ArrayList<>();
        for (String frame : frames) {
            String body = frame.trim();
            if (body.startsWith("[")) {
                body = body.substring(1, body.length() - 1);
            }
            inner.add(body);
        }
        return "[" + String.join(",", inner) + "]";
    }

    private static List<Bar> storedRows(Path db) {
        if (!Files.exists(db.resolveSibling("db.mv.db"))) {
            return List.of();
        }
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            List<Bar> rows = new ArrayList<>(store.bars("AAPL", 0, Long.MAX_VALUE));
            rows.addAll(store.bars("SPY", 0, Long.MAX_VALUE));
            return rows;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
