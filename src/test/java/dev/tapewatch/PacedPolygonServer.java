package dev.tapewatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.serve.LoopbackServer;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Polygon-compatible server that plays a tape in real time: after the first subscription, one frame per second
 * of the tape, {@code pace} ms apart (once {@link #play()}ed when {@link #held}), noting when each second went out (System.nanoTime, by its start).
 */
public final class PacedPolygonServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoopbackServer server;
    private final Map<Long, Long> sent = new ConcurrentHashMap<>();

    private final java.util.concurrent.CountDownLatch gate;

    private PacedPolygonServer(List<List<Bar>> seconds, long pace, boolean held) throws IOException {
        this.gate = new java.util.concurrent.CountDownLatch(held ? 1 : 0);
        ServerEndpointConfig config = LoopbackServer.endpoint("/stocks", Player.class,
                () -> new Player(seconds, pace, sent, gate));
        this.server = LoopbackServer.start(0, config, null);
    }

    public static PacedPolygonServer start(List<List<Bar>> seconds, long pace) throws IOException {
        return new PacedPolygonServer(seconds, pace, false);
    }

    /** As {@link #start}, but the tape waits for {@link #play()} after the subscription. */
    public static PacedPolygonServer held(List<List<Bar>> seconds, long pace) throws IOException {
        return new PacedPolygonServer(seconds, pace, true);
    }

    /** Lets a held tape play. */
    public void play() {
        gate.countDown();
    }

    public String url() {
        return server.websocketUri().toString();
    }

    /** When the second starting at {@code start} was sent (System.nanoTime), or null before it was. */
    public Long sentAt(long start) {
        return sent.get(start);
    }

    @Override
    public void close() {
        server.close();
    }

    public static final class Player extends Endpoint {
        private final List<List<Bar>> seconds;
        private final long pace;
        private final Map<Long, Long> sent;
        private final java.util.concurrent.CountDownLatch gate;
        private volatile boolean playing;

        Player(List<List<Bar>> seconds, long pace, Map<Long, Long> sent, java.util.concurrent.CountDownLatch gate) {
            this.seconds = seconds;
            this.pace = pace;
            this.sent = sent;
            this.gate = gate;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> {
                try {
                    JsonNode message = JSON.readTree(text);
                    switch (message.path("action").asText()) {
                        case "auth" -> session.getBasicRemote().sendText(
                                PolygonCodec.status("auth_success", "authenticated"));
                        case "subscribe" -> {
                            session.getBasicRemote().sendText(PolygonCodec.status("success",
                                    "subscribed to: " + message.path("params").asText()));
                            if (!playing) {
                                playing = true;
                                Thread player = new Thread(() -> play(session), "tape-player");
                                player.setDaemon(true);
                                player.start();
                            }
                        }
                        default -> { }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                session.getBasicRemote().sendText(PolygonCodec.status("connected", "Connected Successfully"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void play(Session session) {
            try {
                gate.await();
                long begin = System.nanoTime();
                for (int i = 0; i < seconds.size() && session.isOpen(); i++) {
                    long due = begin + i * pace * 1_000_000L;
                    long wait = (due - System.nanoTime()) / 1_000_000;
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    List<Bar> frame = seconds.get(i);
                    String text = PolygonCodec.bars(frame);
                    sent.put(frame.get(0).start(), System.nanoTime()); // before: a delay is never understated
                    synchronized (session) {
                        session.getBasicRemote().sendText(text);
                    }
                }
            } catch (IOException | IllegalStateException | InterruptedException e) {
                // the client went away
            }
        }
    }
}
