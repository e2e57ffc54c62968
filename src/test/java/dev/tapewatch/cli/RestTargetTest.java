package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TapeServer;
import dev.tapewatch.app.Providers;
import dev.tapewatch.market.Bar;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where REST history goes: never to the provider behind the user's back, never to a base URL it cannot join. */
class RestTargetTest {
    private static final String KEY = "rest-target-key-41c9";

    @TempDir
    Path dir;

    /** Also: the status line shows the tape's own time, not a lag of years. */
    @Test
    void aStreamOnAnotherHostTakesItsRestHistoryFromThatHostAndSaysSo() throws Exception {
        List<Bar> tape = BackfillAndAuditTest.tape().subList(0, 20);
        try (TapeServer server = TapeServer.start(tape, KEY, 20)) {
            CliTest.Run run = CliTest.run("record", "--provider", "polygon", "--url", server.url(), "--key", KEY,
                    "--symbols", "SPY", "--duration", "8s", "--status-every", "500ms", "--db", dir.resolve("db").toString());
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("gaps filled from " + server.restUrl() + " (the stream's host, not the"
                    + " provider's REST; --rest-url to choose another)"), run.out());
            assertTrue(server.requestTargets().stream().anyMatch(target -> target.startsWith("/v2/aggs/ticker/SPY/")),
                    "the day so far was asked of the stream's host: " + server.requestTargets() + run.out());
            assertFalse((run.out() + run.err()).contains("polygon.io"), run.out() + run.err());
            // the tape is of 2024-01-02: a lag of years says nothing, the feed's own time does
            assertTrue(run.out().contains("  feed at 2024-01-02 10:00:"), run.out());
            assertFalse(java.util.regex.Pattern.compile("lag \\d").matcher(run.out()).find(), run.out());
        }
    }

    @Test
    void onlyAnotherHostsStreamMovesRestThere() {
        assertNull(Providers.POLYGON.restBeside(URI.create("wss://socket.polygon.io")));
        assertNull(Providers.POLYGON_DELAYED.restBeside(URI.create("wss://delayed.massive.com")));
        assertNull(Providers.ALPACA.restBeside(URI.create("wss://stream.data.alpaca.markets")));
        assertNull(Providers.POLYGON.restBeside(null));
        assertEquals(URI.create("http://127.0.0.1:8765"),
                Providers.POLYGON.restBeside(URI.create("ws://127.0.0.1:8765/stocks?apiKey=x")));
        assertEquals(URI.create("https://proxy.example:9443"),
                Providers.ALPACA.restBeside(URI.create("wss://user:pw@proxy.example:9443/v2/iex")));
    }

    @Test
    void aRestUrlWithAQueryOrFragmentIsRefusedNamingTheOptionAndShowingNoSecret() {
        for (String bad : List.of("http://127.0.0.1:9/?apiKey=" + KEY + "&x=1", "http://127.0.0.1:9/#" + KEY,
                "http://me:" + KEY + "@127.0.0.1:9", "ftp://127.0.0.1:9")) {
            CliTest.Run record = CliTest.run("record", "--provider", "polygon", "--key", "k", "--symbols", "SPY",
                    "--rest-url", bad, "--duration", "1s", "--db", dir.resolve("db").toString());
            assertEquals(2, record.code(), bad + ": " + record.out() + record.err());
            assertTrue(record.err().contains("--rest-url must be a base URL such as http://127.0.0.1:8765"),
                    record.err());
            assertFalse(record.err().contains(KEY), record.err());
            CliTest.Run audit = CliTest.run("audit", "--provider", "polygon", "--key", "k", "--date", "2024-01-02",
                    "--rest-url", bad, "--db", dir.resolve("db").toString());
            assertEquals(2, audit.code(), audit.out() + audit.err());
            assertTrue(audit.err().contains("--rest-url must be a base URL"), audit.err());
            assertFalse(audit.err().contains(KEY), audit.err());
        }
    }
}
