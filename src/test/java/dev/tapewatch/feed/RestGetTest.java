package dev.tapewatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.LogCapture;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** REST GETs over plain HTTP/1.1, as a local server that closes idle connections serves them. */
class RestGetTest {

    /**
     * Answers the first request of each connection (keep-alive by its headers), then reads the next one and closes
     * without an answer: a server's idle timeout meeting a client that reuses the connection, every time.
     */
    private static Thread serveOnePerConnection(ServerSocket listener, List<String> requests) {
        Thread thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    InputStream in = socket.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                        int next = in.read();
                        if (next < 0) {
                            break;
                        }
                        head.append((char) next);
                    }
                    requests.add(head.toString());
                    if (head.length() == 0) {
                        continue;
                    }
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 11\r\n\r\n{\"page\":42}").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    while (in.read() >= 0 && in.available() > 0) {
                        // the reused connection's request: dropped unanswered
                    }
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }, "one-request-server");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void plainHttpSpeaksHttp11WithoutAnUpgradeOfferAndAKeptConnectionTheServerDropsIsReplacedQuietly() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             LogCapture logs = new LogCapture()) {
            serveOnePerConnection(listener, requests);
            RestGet rest = new RestGet(UnaryOperator.identity(), Map.of(), "the key");
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/v2/aggs");
            for (int i = 0; i < 3; i++) {
                assertEquals(42, rest.get(uri, "SPY", () -> false).path("page").asInt());
            }
            assertTrue(requests.stream().noneMatch(request -> request.toLowerCase().contains("upgrade")),
                    "no h2c upgrade offered: " + requests);
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains("retrying")), logs.lines().toString());
        }
    }
}
