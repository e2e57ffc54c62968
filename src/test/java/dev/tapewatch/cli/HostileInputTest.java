package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the serving and recording commands: a bad-argument exit (2) naming the option, nothing started. */
class HostileInputTest {
    private static final String SECRET = "hostile-secret-77d0";

    @TempDir
    Path dir;

    private void refused(String expected, String... args) {
        CliTest.Run run = CliTest.run(args);
        assertEquals(2, run.code(), String.join(" ", args) + ": " + run.out() + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse((run.out() + run.err()).contains(SECRET), run.err());
    }

    @Test
    void servingCommandsRefuseAPortOrSpeedOutOfRangeAndNoSymbols() {
        refused("--port must be 0 (a free port) to 65535, was 99999", "simulate", "--port", "99999",
                "--duration", "1s");
        refused("--port must be 0 (a free port) to 65535, was -1", "simulate", "--port", "-1", "--duration", "1s");
        refused("--speed must be a number from 0 (as fast as possible) to 10000", "simulate", "--speed", "20000",
                "--duration", "1s");
        refused("--symbols: give at least one ticker", "simulate", "--symbols", "", "--duration", "1s");
    }

    @Test
    void recordRefusesAStreamUrlThatIsNoWebsocketAndNonsenseTimings() {
        String db = dir.resolve("db").toString();
        refused("--url must be a websocket URL such as ws://127.0.0.1:8765", "record", "--provider", "polygon",
                "--key", "k", "--symbols", "SPY", "--url", "nonsense", "--db", db);
        refused("--url must be a websocket URL such as ws://127.0.0.1:8765", "record", "--provider", "alpaca",
                "--key", "k", "--secret", SECRET, "--symbols", "SPY", "--url", "http://127.0.0.1:9/?apiKey=" + SECRET,
                "--db", db);
        refused("--status-every must be at least 100ms", "record", "--symbols", "SPY", "--status-every", "0s",
                "--db", db);
        refused("--staleness must be at least 1s", "record", "--symbols", "SPY", "--staleness", "0s", "--db", db);
        refused("--serve must be a port", "record", "--symbols", "SPY", "--serve", "70000", "--db", db);
        assertFalse(Files.exists(dir.resolve("db.mv.db")), "nothing opened");
    }

    @Test
    void aPasswordInTheStreamUrlIsNeverShown() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CliTest.Run run = CliTest.run("record", "--provider", "polygon", "--key", "k", "--symbols", "SPY",
                "--url", "ws://me:" + SECRET + "@127.0.0.1:" + closed, "--duration", "2s", "--status-every", "200ms",
                "--db", dir.resolve("db").toString());
        assertEquals(ExitCodes.FEED_UNREACHABLE, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("ws://me:***@127.0.0.1:" + closed), run.out());
        assertFalse((run.out() + run.err()).contains(SECRET), run.out() + run.err());
    }
}
