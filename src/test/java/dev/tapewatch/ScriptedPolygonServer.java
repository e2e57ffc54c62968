package dev.tapewatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.serve.LoopbackServer;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;

/**
 * A Polygon-compatible server that plays a fixed script: it authenticates any key, acknowledges the
 * subscription with all its statuses in one frame, then sends the given frames in order.
 */
public final class ScriptedPolygonServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoopbackServer server;

    private ScriptedPolygonServer(LoopbackServer server) {
        this.server = server;
    }

    public static ScriptedPolygonServer start(int port, List<String> frames) throws IOException {
        ServerEndpointConfig config = LoopbackServer.endpoint("/stocks", Script.class, () -> new Script(frames));
        return new ScriptedPolygonServer(LoopbackServer.start(port, config, null));
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.websocketUri().toString();
    }

    /** Drops every connection without a websocket close frame, like a crashed server. */
    @Override
    public void close() {
        server.close();
    }

    public static final class Script extends Endpoint {
        private final List<String> frames;

        Script(List<String> frames) {
            this.frames = frames;
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
                            StringBuilder acks = new StringBuilder("[");
                            for (String param : message.path("params").asText().split(",")) {
                                if (acks.length() > 1) {
                                    acks.append(',');
                                }
                                String ack = PolygonCodec.status("success", "subscribed to: " + param);
                                acks.append(ack, 1, ack.length() - 1);
                            }
                            session.getBasicRemote().sendText(acks.append(']').toString());
                            for (String frame : frames) {
                                session.getBasicRemote().sendText(frame);
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
    }
}
