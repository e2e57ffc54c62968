package dev.tapewatch.movers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.serve.LoopbackServer;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polygon's websocket protocol as its documentation gives it, spoken by hand (not our codec): a "connected"
 * status, "auth_success" for the key, a "success" status per subscribed channel; once a client has subscribed to
 * {@code A.*} the tape plays one second of frames every {@code millisPerSecond}, and the wall-clock time each
 * second went out is kept, to measure how long a client took to report it. Only {@code A.*} is served.
 */
final class WholeMarketServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WholeMarketTape tape;
    private final String key;
    private final long millisPerSecond;
    private final long[] sentAt;
    private final LoopbackServer server;
    private final Set<Connection> subscribed = ConcurrentHashMap.newKeySet();
    private volatile int published;
    private volatile Thread clock;

    WholeMarketServer(WholeMarketTape tape, String key, long millisPerSecond) throws IOException {
        this.tape = tape;
        this.key = key;
        this.millisPerSecond = millisPerSecond;
        this.sentAt = new long[tape.seconds()];
        this.server = LoopbackServer.start(0, LoopbackServer.endpoint("/stocks", Connection.class,
                () -> new Connection()), null);
    }

    String url() {
        return server.websocketUri().toString();
    }

    /** Plain HTTP on the same port: no REST route, every request answered 404 (no history here). */
    String restUrl() {
        return server.httpUri().toString();
    }

    boolean finished() {
        return published == tape.seconds();
    }

    /** When the tape second starting at {@code startMs} went out (wall clock, ms), or -1. */
    long sentAt(long startMs) {
        int index = (int) ((startMs - tape.secondStart(0)) / 1000);
        return index >= 0 && index < published ? sentAt[index] : -1;
    }

    @Override
    public void close() {
        Thread running = clock;
        if (running != null) {
            running.interrupt();
        }
        server.close();
    }

    private synchronized void play() {
        if (clock != null) {
            return;
        }
        clock = new Thread(() -> {
            long next = System.nanoTime();
            try {
                for (int s = 0; s < tape.seconds(); s++) {
                    next += millisPerSecond * 1_000_000;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    sentAt[s] = System.currentTimeMillis();
                    String frame = tape.frame(s);
                    if (frame.length() > 2) {
                        subscribed.forEach(connection -> connection.send(frame));
                    }
                    published = s + 1;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "whole-market-clock");
        clock.setDaemon(true);
        clock.start();
    }

    /** One client. */
    public final class Connection extends Endpoint {
        private volatile Session session;

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            session = opened;
            opened.setMaxTextMessageBufferSize(1 << 20);
            opened.addMessageHandler(String.class, this::receive);
            send("[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]");
        }

        @Override
        public void onClose(Session closed, jakarta.websocket.CloseReason reason) {
            subscribed.remove(this);
        }

        private void receive(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                String params = message.path("params").asText("");
                if (message.path("action").asText().equals("auth")) {
                    send(key.equals(params)
                            ? "[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"}]"
                            : "[{\"ev\":\"status\",\"status\":\"auth_failed\",\"message\":\"authentication failed\"}]");
                } else if (message.path("action").asText().equals("subscribe")) {
                    for (String channel : params.split(",")) {
                        send("[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: "
                                + channel.trim() + "\"}]");
                        if (channel.trim().equals("A.*")) {
                            subscribed.add(this);
                            play();
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private synchronized void send(String text) {
            Session current = session;
            if (current != null && current.isOpen()) {
                try {
                    current.getBasicRemote().sendText(text);
                } catch (IOException | IllegalStateException e) {
                    subscribed.remove(this);
                }
            }
        }
    }
}
