package dev.tapewatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.LogCapture;
import dev.tapewatch.TapeServer;
import dev.tapewatch.TestBars;
import dev.tapewatch.app.Recorder;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.StoreLocation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Polygon client against a Polygon-compatible tape server over real loopback websockets, into a real H2 file. */
class StreamFeedPolygonTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "feed-test-key";
    private static final List<String> SYMBOLS = List.of("AAPL", "BRK.B", "SPY");

    @TempDir
    Path dir;

    private BarStore store;
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

    /** Three symbols, 120 bars each, awkward values (decimal volumes, BRK.B, many digits). */
    private TapeServer server(String key, long millisPerSecond) throws Exception {
        List<Bar> tape = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            tape.addAll(TestBars.day(symbol, 120));
        }
        TapeServer server = TapeServer.start(tape, key, millisPerSecond);
        cleanup.add(server);
        return server;
    }

    /** Expected store content: the last version of each (symbol, start) sent, by symbol in time order. */
    private static Map<String, List<Bar>> lastVersions(List<Bar> bars) {
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

    /** Waits for the whole tape, then until the client has every bar that was sent. */
    private static void drain(TapeServer server, StreamFeed feed, int extra) {
        Await.until(WAIT, "the whole tape", server::finished);
        Await.until(WAIT, "the client to receive every sent bar",
                () -> feed.stats().bars() == server.sent().size() + extra,
                () -> feed.stats() + " sent " + server.sent().size());
    }

    private static final class Recording implements AutoCloseable {
        final Recorder recorder;
        final StreamFeed feed;

        Recording(BarStore store, StreamFeed.Config config, String key) {
            recorder = new Recorder(store);
            feed = new StreamFeed(config, new PolygonProtocol(key), recorder, Threads::named);
        }

        @Override
        public void close() throws Exception {
            feed.close();
            recorder.close();
        }
    }

    private Recording record(TapeServer server, StreamFeed.Config config, List<String> symbols) {
        Recording recording = new Recording(store, config, key);
        recording.feed.subscribe(symbols);
        recording.feed.start();
        return recording;
    }

    /** The key the next recording logs in with (set by {@link #config}). */
    private String key = KEY;

    private StreamFeed.Config config(TapeServer server, String loginKey) {
        key = loginKey;
        return StreamFeed.Config.of(URI.create(server.url()));
    }

    @Test
    void everyBarTheServerSentIsStoredOnceWithEqualValues() throws Exception {
        TapeServer server = server(KEY, 5);
        try (Recording recording = record(server, config(server, KEY), SYMBOLS)) {
            drain(server, recording.feed, 0);
        }
        assertEquals(360, server.sent().size());
        assertEquals(lastVersions(server.sent()), stored(SYMBOLS));
        assertEquals(server.sent().size(), store.countBars(), "no duplicates: every sent bar had its own key");
    }

    @Test
    void reconnectsAfterADropAndResubscribesWithTheGapInCoverage() throws Exception {
        TapeServer server = server(KEY, 10);
        StreamFeed.Config config = config(server, KEY).withBackoff(new Backoff(100, 400));
        try (Recording recording = record(server, config, List.of("SPY", "AAPL"))) {
            Await.until(WAIT, "a third of the tape", () -> server.published() >= 40);
            server.dropAll();
            Await.until(WAIT, "the client to notice", () -> recording.feed.stats().reconnects() >= 1);
            drain(server, recording.feed, 0);
            assertEquals(FeedStatus.State.STREAMING, recording.feed.status().state());
        }
        List<String> symbols = List.of("AAPL", "SPY");
        assertEquals(lastVersions(server.sent()), stored(symbols));
        assertEquals(server.sent().size(), store.countBars());
        List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
        assertEquals(2, spans.size(), spans.toString());
        assertTrue(spans.get(0).endReason().startsWith("disconnected: "), spans.toString());
        assertEquals("stopped", spans.get(1).endReason());
        // Each span reaches exactly its last stored bar; the seconds sent while away are in neither.
        assertTrue(spans.get(1).start() >= spans.get(0).end(), "the spans do not overlap: " + spans);
        assertEquals(stored(symbols).values().stream().flatMap(List::stream)
                .filter(bar -> bar.start() < spans.get(1).start())
                .mapToLong(Bar::end).max().orElseThrow(), spans.get(0).end(), "the first span ends at its last bar");
        assertEquals(List.of("AAPL", "SPY"), spans.get(1).symbols());
    }

    @Test
    void noBarIsDeliveredAfterTheStoppedSessionEnds() throws Exception {
        List<Bar> tape = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            tape.addAll(TestBars.day(symbol, 20_000));
        }
        TapeServer server = TapeServer.start(tape, KEY, 1);
        cleanup.add(server);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
        FeedListener listener = new FeedListener() {
            @Override
            public void bars(List<Bar> bars) {
                delivered.addAndGet(bars.size());
                events.add("bars");
            }

            @Override
            public void sessionEnded(long time, String reason) {
                events.add("ended: " + reason);
            }
        };
        StreamFeed feed = new StreamFeed(config(server, KEY), new PolygonProtocol(KEY), listener, Threads::named);
        feed.subscribe(SYMBOLS);
        feed.start();
        Await.until(WAIT, "a steady stream", () -> feed.stats().bars() >= 600, () -> feed.stats().toString());
        feed.close();
        List<String> seen = List.copyOf(events);
        assertEquals("ended: stopped", seen.get(seen.size() - 1),
                "the stopped session's end is the last event: a bar after it is stored outside every span");
        assertEquals(delivered.get(), feed.stats().bars(), "the feed counts the bars it delivered, no more");
    }

    @Test
    void aResentBarReplacesTheStoredOne() throws Exception {
        TapeServer server = server(KEY, 5);
        Bar changed;
        try (Recording recording = record(server, config(server, KEY), List.of("SPY"))) {
            drain(server, recording.feed, 0);
            Bar original = store.bars("SPY", 0, Long.MAX_VALUE).get(5);
            changed = new Bar("SPY", original.start(), original.end(), original.open(), original.high() + 0.05,
                    original.low(), original.close(), original.volume() + 250, original.vwap(),
                    original.accumulatedVolume() + 250, original.dayOpen(), original.dayVwap(),
                    original.averageTradeSize(), false);
            server.broadcast(PolygonCodec.bars(List.of(changed)));
            Await.until(WAIT, "the replacement to arrive",
                    () -> recording.feed.stats().bars() == server.sent().size() + 1);
        }
        List<Bar> stored = store.bars("SPY", 0, Long.MAX_VALUE);
        assertEquals(server.sent().size(), stored.size());
        assertEquals(changed, stored.get(5));
    }

    @Test
    void badDataIsCountedAndSkippedWhileTheGoodBarsBesideItAreStored() throws Exception {
        TapeServer server = server(KEY, 5);
        server.pause(true);
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
        try (Recording recording = record(server, config(server, KEY), List.of("ZZZT"))) {
            Await.until(WAIT, "streaming", () -> recording.feed.status().state() == FeedStatus.State.STREAMING
                    && server.connections() == 1);
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
        TapeServer server = server("the-right-key", 5);
        try (LogCapture logs = new LogCapture();
             Recording recording = record(server, config(server, key), List.of("SPY"))) {
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
        TapeServer server = server(KEY, 20);
        StreamFeed.Config config = config(server, KEY).withStaleness(1_000).withBackoff(new Backoff(100, 200));
        try (Recording recording = record(server, config, List.of("SPY"))) {
            Await.until(WAIT, "some bars", () -> recording.feed.stats().bars() >= 10);
            server.pause(true);
            Await.until(WAIT, "a reconnect", () -> recording.feed.stats().reconnects() >= 1);
            Await.until(WAIT, "the new connection at the server", () -> server.connectionsOpened() >= 2);
        }
        List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
        assertTrue(spans.get(0).endReason().startsWith("disconnected: no data for "), spans.toString());
    }
}
