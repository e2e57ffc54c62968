package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.H2cRefusingProxy;
import dev.tapewatch.ScriptedAlpacaServer;
import dev.tapewatch.feed.AlpacaCodec;
import dev.tapewatch.feed.SecondAggregator;
import dev.tapewatch.feed.Trade;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * record --provider alpaca against an Alpaca-compatible server on loopback: seconds from trades, with late trades,
 * out-of-order times, a correction, cancels (one empties its second), an unknown message, and a dropped connection
 * whose trades exist only over REST (paged); audit then finds no difference. Refused keys and plans are final.
 */
class AlpacaRecordTest {
    private static final String DAY = "2024-01-02";

    @TempDir
    Path dir;

    private static String time(String clock) {
        return DAY + "T15:" + clock + "Z"; // 10:mm:ss ET in January
    }

    private static String trade(String symbol, long id, String clock, double price, double size, String conditions) {
        return "{\"T\":\"t\",\"i\":" + id + ",\"S\":\"" + symbol + "\",\"x\":\"V\",\"p\":" + price + ",\"s\":" + size
                + ",\"t\":\"" + time(clock) + "\",\"c\":[" + conditions + "],\"z\":\"C\"}";
    }

    /** The final trades (after the correction and the cancel), as REST serves them. */
    private static Map<String, List<ObjectNode>> finalTrades() {
        return Map.of(
                "SPY", List.of(
                        ScriptedAlpacaServer.trade(5, time("00:00.050"), 99.5, 30, "@"),
                        ScriptedAlpacaServer.trade(1, time("00:00.100"), 100, 100, "@"),
                        ScriptedAlpacaServer.trade(2, time("00:00.900"), 101, 50, "@", "I"),
                        ScriptedAlpacaServer.trade(6, time("00:01.200"), 102.5, 25, "@"),
                        ScriptedAlpacaServer.trade(8, time("00:03.000"), 103, 10, "@"),
                        ScriptedAlpacaServer.trade(10, time("00:04.000"), 104, 10, "@")),
                "AAPL", List.of(
                        ScriptedAlpacaServer.trade(7, time("00:02.000"), 51, 5, "@"),
                        ScriptedAlpacaServer.trade(9, time("00:03.500"), 52, 7, "@"),
                        ScriptedAlpacaServer.trade(11, time("00:04.200"), 53, 3, "@")));
    }

    private static ScriptedAlpacaServer.Script script(String secret, int subscribeError, int limited) {
        List<String> first = List.of(
                "[" + trade("SPY", 1, "00:00.100", 100, 100, "\"@\"") + "," + trade("SPY", 2, "00:00.900", 101, 50,
                        "\"@\",\"I\"") + "," + trade("AAPL", 3, "00:00.500", 50, 10, "\"@\"") + "]",
                "[" + trade("SPY", 4, "00:01.200", 102, 20, "\"@\"") + "," + trade("SPY", 5, "00:00.050", 99.5, 30,
                        "\"@\"") + ",{\"T\":\"q\",\"S\":\"SPY\",\"bp\":1},"
                        + "{\"T\":\"c\",\"S\":\"SPY\",\"x\":\"V\",\"oi\":4,\"op\":102,\"os\":20,\"oc\":[\"@\"],\"ci\":6,"
                        + "\"cp\":102.5,\"cs\":25,\"cc\":[\"@\"],\"t\":\"" + time("00:01.200") + "\",\"z\":\"C\"},"
                        + "{\"T\":\"x\",\"S\":\"AAPL\",\"i\":3,\"x\":\"V\",\"p\":50,\"s\":10,\"a\":\"C\",\"t\":\""
                        + time("00:00.500") + "\",\"z\":\"C\"}," + trade("AAPL", 7, "00:02.000", 51, 5, "\"@\"") + "]");
        List<String> second = List.of("[" + trade("SPY", 10, "00:04.000", 104, 10, "\"@\"") + ","
                + trade("AAPL", 11, "00:04.200", 53, 3, "\"@\"") + "]");
        return new ScriptedAlpacaServer.Script("key-id-1", secret, List.of(first, second), finalTrades(), 2,
                subscribeError, limited);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private String[] record(H2cRefusingProxy server, String secret, String duration) {
        return new String[] {"record", "--provider", "alpaca", "--url", server.websocketUrl(), "--rest-url",
            server.httpUrl(),
            "--key", "key-id-1", "--secret", secret, "--symbols", "SPY,AAPL", "--duration", duration, "--db",
            dir.resolve("db").toString()};
    }

    /** What the final trades make, second by second (the same aggregation REST history goes through). */
    private static List<Bar> expected(String symbol) {
        SecondAggregator seconds = new SecondAggregator(0, 60_000, Bar.Source.REST);
        for (ObjectNode trade : finalTrades().get(symbol)) {
            List<String> conditions = new ArrayList<>();
            trade.path("c").forEach(c -> conditions.add(c.asText()));
            seconds.trade(new Trade(symbol, trade.path("i").asLong(), AlpacaCodec.nanos(trade.path("t").asText()),
                    trade.path("p").asDouble(), trade.path("s").asDouble(), conditions));
        }
        return seconds.flush(Long.MAX_VALUE).bars();
    }

    @Test
    void storesExactlyTheSecondsTheFinalTradesMakeAndTheAuditAgrees() throws Exception {
        try (ScriptedAlpacaServer server = ScriptedAlpacaServer.start(script("s3cret-1", 0, 0));
             H2cRefusingProxy proxy = H2cRefusingProxy.of(server.restUrl())) {
            Run recorded = run(record(proxy, "s3cret-1", "8s"));
            assertEquals(0, recorded.code(), recorded.out() + recorded.err());
            assertFalse((recorded.out() + recorded.err()).contains("s3cret-1"), "the secret is never shown");
            assertTrue(server.connections() >= 2, "reconnected after the drop");
            try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.EXISTING)) {
                for (String symbol : List.of("SPY", "AAPL")) {
                    List<Bar> stored = store.bars(symbol, 0, Long.MAX_VALUE);
                    List<Bar> expected = expected(symbol);
                    assertEquals(expected.size(), stored.size(), symbol + ": " + stored);
                    for (int i = 0; i < expected.size(); i++) {
                        assertTrue(expected.get(i).sameTrades(stored.get(i)), expected.get(i) + " vs " + stored.get(i));
                    }
                }
                // by hand: SPY 10:00:00 is trades 5 (first by time, arrived later), 1 and the odd lot 2
                Bar first = store.bars("SPY", 0, Long.MAX_VALUE).get(0);
                assertEquals(List.of(99.5, 100.0, 99.5, 100.0, 180.0), List.of(first.open(), first.high(), first.low(),
                        first.close(), first.volume()));
                assertEquals(List.of(), store.bars("AAPL", first.start(), first.end()), "emptied by its cancel");
            }
            Run audit = run("audit", "--date", DAY, "--provider", "alpaca", "--rest-url", proxy.httpUrl(), "--key",
                    "key-id-1", "--secret", "s3cret-1", "--db", dir.resolve("db").toString());
            assertEquals(0, audit.code(), audit.out() + audit.err());
        }
    }

    @Test
    void refusedKeysAndAFeedThePlanLacksAreFinal() throws Exception {
        try (ScriptedAlpacaServer server = ScriptedAlpacaServer.start(script("right-secret", 0, 0));
             H2cRefusingProxy proxy = H2cRefusingProxy.of(server.restUrl())) {
            long started = System.nanoTime();
            Run refused = run(record(proxy, "wrong-s3cret", "60s"));
            assertEquals(ExitCodes.AUTH_REFUSED, refused.code(), refused.out() + refused.err());
            assertTrue((System.nanoTime() - started) / 1e9 < 30, "stops at once");
            assertTrue(refused.err().contains("Alpaca refused the key id and secret (402"), refused.err());
            assertFalse((refused.out() + refused.err()).contains("wrong-s3cret"));
        }
        try (ScriptedAlpacaServer server = ScriptedAlpacaServer.start(script("s", 409, 0));
             H2cRefusingProxy proxy = H2cRefusingProxy.of(server.restUrl())) {
            Run lacking = run(record(proxy, "s", "60s"));
            assertEquals(ExitCodes.AUTH_REFUSED, lacking.code(), lacking.out() + lacking.err());
            assertTrue(lacking.err().contains("does not include the 'iex' feed (409"), lacking.err());
        }
    }
}
