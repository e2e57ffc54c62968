package dev.tapewatch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard that keeps the test run off the network: a test that dials out, here or in a child JVM, fails. */
class LoopbackOnlyTest {
    @TempDir
    Path dir;

    @Test
    void dialingOrResolvingAnotherHostIsRefusedAndFailsTheTestItHappenedIn() throws Exception {
        SecurityException dialed = assertThrows(SecurityException.class, () -> new Socket("203.0.113.7", 443).close());
        assertTrue(dialed.getMessage().contains("203.0.113.7:443"), dialed.getMessage());
        assertThrows(SecurityException.class, () -> InetAddress.getByName("api.polygon.io"));
        AssertionError failed = assertThrows(AssertionError.class,
                () -> LoopbackOnlyExtension.failOnNewRefusals("this test"));
        assertTrue(failed.getMessage().contains("203.0.113.7:443") && failed.getMessage().contains("api.polygon.io"),
                failed.getMessage());
        LoopbackOnlyExtension.failOnNewRefusals("nothing new"); // each refusal fails one test, once
    }

    @Test
    void loopbackStaysOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket("127.0.0.1", server.getLocalPort());
             Socket named = new Socket("localhost", server.getLocalPort())) {
            assertTrue(client.isConnected() && named.isConnected());
        }
    }

    @Test
    void aChildJvmThatDialsOutFailsTheTestToo() throws Exception {
        // no --url: the provider's own stream, which a test must never reach
        try (ChildJvm child = ChildJvm.start(dir.resolve("home"), List.of(), "record", "--provider", "polygon",
                "--key", "k", "--symbols", "SPY", "--duration", "3s", "--db", dir.resolve("db").toString())) {
            child.awaitExit(Duration.ofSeconds(60));
        }
        AssertionError failed = assertThrows(AssertionError.class,
                () -> LoopbackOnlyExtension.failOnNewRefusals("the child"));
        assertTrue(failed.getMessage().contains("socket.polygon.io"), failed.getMessage());
    }
}
