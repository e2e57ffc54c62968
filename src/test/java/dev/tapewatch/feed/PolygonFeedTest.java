package dev.tapewatch.feed;

import dev.tapewatch.app.Threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.LogCapture;
import dev.tapewatch.app.Recorder;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimulatorServer;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Polygon client against the simulator over real loopback websockets, recording into a real H2 file. */
class PolygonFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long START = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0));
    private static final SimulatorServer.Settings SETTINGS = SimulatorServer.Settings.defaults()
            .withStart(START).withSpeed(20).withSeed(11);

    @TempDir
    Path dir;

    private BarStore store;
    private final List<Bar> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE);
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(cleanup);
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
        store.close();
    }

    private SimulatorServer server(SimulatorServer.Settings settings) throws Exception {
        SimulatorServer server = SimulatorServer.start(settings, Threads::named);
        server.onSent(sent::addAll);
        cleanup.add(server);
        return server;
    }

    private int sentCount() {
        return sent.size();
    }

    /** Expected store content: the last version of each (symbol, start) sent, by symbol in time order. */
    private Map<String, List<Bar>> lastVersions(List<Bar> bars) {
        Map<String, Map<Long, Bar>> bySymbol = new java.util.TreeMap<>();
        for (Bar bar : bars) {
            bySymbol.computeIfAbsent(bar.symbol(), s -> new java.util.TreeMap<>()).put(bar.start(), bar);
        }
        Map<String, List<Bar>> result = new LinkedHashMap<>();
        bySymbol.forEach((symbol, byStart) -> result.put(symbol, new ArrayList<>(byStart.values())));
        return result;
    }

    private Map<String, List<Bar>> stored(List<String> symbols) {
        Map<String, List<Bar>> result = new LinkedHashMap<>();
        for (String symbol : symbols.stream().sorted().toList()) {
            result.put(symbol, store.bars(symbol, 0, Long.MAX_VALUE));
        }
        return result;
    }

    /** Silences the server and waits until the client has every bar that was sent. */
    private void drain(SimulatorServer server, PolygonFeed feed, int extra) {
        server.silence(true);
        Await.until(WAIT, "the client to receive every sent bar",
                () -> feed.stats().bars() == sentCount() + extra, () -> feed.stats() + " sent " + sentCount());
    }

    private static final class Recording implements AutoCloseable {
        final Recorder recorder;
        final PolygonFeed feed;

        Recording(BarStore store, PolygonFeed.Config config, SimulatorServer server) {
            recorder = new Recorder(store);
            feed = new PolygonFeed(config.withMarketClock(server.clock()::now), recorder, Threads::named);
        }

        @Override
        public void close() throws Exception {
            feed.close();
            recorder.close();
        }
    }

    private Recording record(SimulatorServer server, PolygonFeed.Config config, List<String> symbols) {
        Recording recording = new Recording(store, config, server);
        recording.feed.subscribe(symbols);
        recording.feed.start();
        return recording;
    }

    @Test
    void everyBarTheServerSentIsStoredOnceWithEqualValues() throws Exception {
        SimulatorServer server = server(SETTINGS);
        List<String> symbols = List.of("SPY", "AAPL", "BRK.B");
        try (Recording recording = record(server, PolygonFeed.Config.of(server.url(), "any-key"), symbols)) {
            Await.until(WAIT, "300 bars sent", () -> sentCount() >= 300);
            drain(server, recording.feed, 0);
        }
        assertEquals(lastVersions(sent), stored(symbols));
        assertEquals(sent.size(), store.countBars(), "no duplicates: every sent bar had its own key");
    }

    @Test
    void reconnectsAfterTheServerRestartsAndResubscribesWithTheGapInCoverage() throws Exception {
        SimulatorServer first = server(SETTINGS);
        int port = first.port();
        PolygonFeed.Config config = PolygonFeed.Config.of(first.url(), "any-key").withBackoff(new Backoff(100, 400));
        List<String> symbols = List.of("SPY", "AAPL");
        try (Recording recording = record(first, config, symbols)) {
            Await.until(WAIT, "100 bars sent", () -> sentCount() >= 100);
            drain(first, recording.feed, 0);
            int beforeRestart = sentCount();
            first.close();
            Await.until(WAIT, "the client to notice", () -> recording.feed.stats().reconnects() >= 1);
            // The second server carries on the first one's market clock, on the same port.
            SimulatorServer second = server(SETTINGS.withPort(port).withStart(first.clock().now()));
            Await.until(WAIT, "100 more bars sent", () -> sentCount() >= beforeRestart + 100,
                    () -> recording.feed.status().toString());
            assertEquals(FeedStatus.State.STREAMING, recording.feed.status().state());
            drain(second, recording.feed, 0);
        }
        assertEquals(lastVersions(sent), stored(symbols));
        assertEquals(sent.size(), store.countBars());
        List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
        assertEquals(2, spans.size(), spans.toString());
        assertTrue(spans.get(0).endReason().startsWith("disconnected: "), spans.toString());
        assertEquals("stopped", spans.get(1).endReason());
        // Each span reaches exactly its last stored bar; the second may start where the first ended when the
        // restarted server carried on without a missing second (every sent bar is stored, checked above).
        assertTrue(spans.get(1).start() >= spans.get(0).end(), "the spans do not overlap: " + spans);
        assertEquals(stored(symbols).values().stream().flatMap(List::stream)
                .filter(bar -> bar.start() < spans.get(1).start())
                .mapToLong(Bar::end).max().orElseThrow(), spans.get(0).end(), "the first span ends at its last bar");
        assertEquals(List.of("AAPL", "SPY"), spans.get(1).symbols());
    }

    @Test
    void aResentBarReplacesTheStoredOne() throws Exception {
        SimulatorServer server = server(SETTINGS);
        Bar changed;
        try (Recording recording = record(server, PolygonFeed.Config.of(server.url(), "k"), List.of("SPY"))) {
            Await.until(WAIT, "20 bars sent", () -> sentCount() >= 20);
            drain(server, recording.feed, 0);
            Bar original = sent.get(5);
            changed = new Bar("SPY", original.start(), original.end(), original.open(), original.high() + 0.05,
                    original.low(), original.close(), original.volume() + 250, original.vwap(),
                    original.accumulatedVolume() + 250, original.dayOpen(), original.dayVwap(),
                    original.averageTradeSize(), false);
            server.broadcast(PolygonCodec.bars(List.of(changed)));
            Await.until(WAIT, "the replacement to arrive", () -> recording.feed.stats().bars() == sentCount() + 1);
        }
        List<Bar> stored = store.bars("SPY", 0, Long.MAX_VALUE);
        assertEquals(sent.size(), stored.size());
        assertEquals(changed, stored.get(5));
    }

    @Test
    void badDataIsCountedAndSkippedWhileTheGoodBarsBesideItAreStored() throws Exception {
        SimulatorServer server = server(SETTINGS);
        server.silence(true);
        String good1 = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":200,\"av\":8642007,\"op\":25.66,\"vw\":25.3981,\"o\":25.39,"
                + "\"c\":25.39,\"h\":25.39,\"l\":25.39,\"a\":25.3714,\"z\":50,\"s\":1704207600000,\"e\":1704207601000}";
        String good2 = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":150.5,\"vw\":25.4,\"o\":25.39,\"c\":25.41,\"h\":25.42,"
                + "\"l\":25.38,\"s\":1704207601000,\"e\":1704207602000}";
        String missingClose = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":1,\"vw\":1,\"o\":1,\"h\":1,\"l\":1,\"s\":1,\"e\":2}";
        String notANumber = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":NaN,\"vw\":1,\"o\":1,\"c\":1,\"h\":1,\"l\":1,"
                + "\"s\":1704207602000,\"e\":1704207603000}";
        String negativeVolume = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":-5,\"vw\":1,\"o\":1,\"c\":1,\"h\":1,\"l\":1,"
                + "\"s\":1704207603000,\"e\":1704207604000}";
        String highBelowLow = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":5,\"vw\":1,\"o\":1,\"c\":1,\"h\":0.5,\"l\":1,"
                + "\"s\":1704207604000,\"e\":1704207605000}";
        String status = "{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: A.ZZZT\"}";
        try (Recording recording = record(server, PolygonFeed.Config.of(server.url(), "k"), List.of("ZZZT"))) {
            Await.until(WAIT, "streaming", () -> recording.feed.status().state() == FeedStatus.State.STREAMING);
            server.broadcast("[{\"ev\":\"A\",\"sym\":\"ZZZT\",");
            server.broadcast("[{\"ev\":\"XQ\",\"sym\":\"ZZZT\"}]");
            server.broadcast("[" + good1 + "," + missingClose + "," + notANumber + "," + status + ","
                    + negativeVolume + "," + highBelowLow + "," + good2 + "]");
            Await.until(WAIT, "both good bars", () -> recording.feed.stats().bars() == 2,
                    () -> recording.feed.stats().toString());
            FeedStats stats = recording.feed.stats();
            assertEquals(5, stats.malformed(), "one malformed frame and four bad elements");
            assertEquals(1, stats.unknown());
        }
        List<Bar> stored = store.bars("ZZZT", 0, Long.MAX_VALUE);
        assertEquals(2, stored.size());
        assertEquals(new Bar("ZZZT", 1704207600000L, 1704207601000L, 25.39, 25.39, 25.39, 25.39, 200, 25.3981, 8642007,
                25.66, 25.3714, 50, false), stored.get(0));
        assertEquals(150.5, stored.get(1).volume());
    }

    @Test
    void aRefusedKeyFailsOnceWithoutRetryingAndIsNeverLogged() throws Exception {
        String key = "wrong-key-6f3a9c21";
        SimulatorServer server = server(SETTINGS.withRequiredKey("the-right-key"));
        try (LogCapture logs = new LogCapture();
             Recording recording = record(server, PolygonFeed.Config.of(server.url(), key), List.of("SPY"))) {
            Await.until(WAIT, "FAILED", () -> recording.feed.status().state() == FeedStatus.State.FAILED);
            assertTrue(recording.feed.status().detail().contains("refused the API key"),
                    recording.feed.status().detail());
            Thread.sleep(1500); // longer than the first reconnect delay: a retry loop would show here
            assertEquals(1, server.connectionsOpened());
            assertEquals(0, recording.feed.stats().reconnects());
            assertEquals(FeedStatus.State.FAILED, recording.feed.status().state());
            recording.close();
            List<String> lines = logs.lines();
            assertFalse(lines.isEmpty());
            for (String line : lines) {
                assertFalse(line.contains(key), "the key leaked into a log line: " + line);
            }
            assertFalse(recording.feed.status().toString().contains(key));
        }
    }

    @Test
    void aSilentConnectionIsDroppedAfterTheStalenessLimit() throws Exception {
        SimulatorServer server = server(SETTINGS);
        PolygonFeed.Config config = PolygonFeed.Config.of(server.url(), "k").withStaleness(1_000)
                .withBackoff(new Backoff(100, 200));
        try (Recording recording = record(server, config, List.of("SPY"))) {
            Await.until(WAIT, "some bars", () -> recording.feed.stats().bars() >= 10);
            server.silence(true);
            Await.until(WAIT, "a reconnect", () -> recording.feed.stats().reconnects() >= 1);
            Await.until(WAIT, "the new connection at the server", () -> server.connectionsOpened() >= 2);
        }
        List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
        assertTrue(spans.get(0).endReason().startsWith("disconnected: no data for "), spans.toString());
    }
}
