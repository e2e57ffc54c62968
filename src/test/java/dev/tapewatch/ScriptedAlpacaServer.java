package dev.tapewatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.feed.AlpacaCodec;
import dev.tapewatch.serve.LoopbackServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Alpaca-compatible server that plays a script: stream {@code /v2/iex} with one list of frames per connection
 * (a connection whose frames are played is then dropped, except the last), and REST trades
 * {@code /v2/stocks/{symbol}/trades} serving the final trades in pages of {@code pageSize}. {@code subscribeError}
 * (e.g. 409) answers every subscription with that error instead; {@code limitedConnections} first connections get
 * 406 after logging in.
 */
public final class ScriptedAlpacaServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoopbackServer server;
    private final AtomicInteger connections;

    public record Script(String keyId, String secret, List<List<String>> frames, Map<String, List<ObjectNode>> trades,
                         int pageSize, int subscribeError, int limitedConnections) {
    }

    private ScriptedAlpacaServer(LoopbackServer server, AtomicInteger connections) {
        this.server = server;
        this.connections = connections;
    }

    public static ScriptedAlpacaServer start(Script script) throws IOException {
        AtomicInteger connections = new AtomicInteger();
        ServerEndpointConfig config = LoopbackServer.endpoint("/v2/iex", Stream.class,
                () -> new Stream(script, connections.incrementAndGet()));
        return new ScriptedAlpacaServer(LoopbackServer.start(0, config, request -> rest(script, request)),
                connections);
    }

    /** A REST trade as Alpaca sends it. */
    public static ObjectNode trade(long id, String time, double price, double size, String... conditions) {
        ObjectNode trade = JSON.createObjectNode();
        trade.put("t", time).put("x", "V").put("p", price).put("s", size).put("i", id).put("z", "C");
        ArrayNode list = trade.putArray("c");
        for (String condition : conditions) {
            list.add(condition);
        }
        return trade;
    }

    private static LoopbackServer.Reply rest(Script script, LoopbackServer.HttpGet request) {
        if (!script.keyId().equals(request.headers().get("apca-api-key-id"))
                || !script.secret().equals(request.headers().get("apca-api-secret-key"))) {
            return LoopbackServer.Reply.json(403, "{\"message\":\"forbidden\"}");
        }
        String[] path = request.path().split("/"); // "", v2, stocks, SYMBOL, trades
        if (path.length != 5 || !path[4].equals("trades")) {
            return LoopbackServer.Reply.json(404, "{\"message\":\"not found\"}");
        }
        long start = AlpacaCodec.nanos(request.query().get("start"));
        long end = AlpacaCodec.nanos(request.query().get("end"));
        List<ObjectNode> inRange = script.trades().getOrDefault(path[3], List.of()).stream()
                .filter(trade -> {
                    long t = AlpacaCodec.nanos(trade.path("t").asText());
                    return t >= start && t < end;
                }).toList();
        int from = request.query().get("page_token") == null ? 0 : Integer.parseInt(request.query().get("page_token"));
        int to = Math.min(inRange.size(), from + script.pageSize());
        ObjectNode body = JSON.createObjectNode();
        body.putArray("trades").addAll(inRange.subList(from, to));
        body.put("symbol", path[3]);
        if (to < inRange.size()) {
            body.put("next_page_token", Integer.toString(to));
        } else {
            body.putNull("next_page_token");
        }
        return LoopbackServer.Reply.json(200, body.toString());
    }

    public String url() {
        return server.websocketUri().toString();
    }

    public String restUrl() {
        return server.httpUri().toString();
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.close();
    }

    public static final class Stream extends Endpoint {
        private final Script script;
        private final int connection;

        Stream(Script script, int connection) {
            this.script = script;
            this.connection = connection;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> {
                try {
                    JsonNode message = JSON.readTree(text);
                    switch (message.path("action").asText()) {
                        case "auth" -> auth(session, message);
                        case "subscribe" -> subscribed(session, message);
                        default -> { }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            send(session, "[{\"T\":\"success\",\"msg\":\"connected\"}]");
        }

        private void auth(Session session, JsonNode message) throws IOException {
            if (!script.keyId().equals(message.path("key").asText())
                    || !script.secret().equals(message.path("secret").asText())) {
                send(session, "[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");
                session.close();
                return;
            }
            if (connection <= script.limitedConnections()) {
                send(session, "[{\"T\":\"error\",\"code\":406,\"msg\":\"connection limit exceeded\"}]");
                session.close();
                return;
            }
            send(session, "[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
        }

        private void subscribed(Session session, JsonNode message) throws IOException {
            if (script.subscribeError() != 0) {
                send(session, "[{\"T\":\"error\",\"code\":" + script.subscribeError()
                        + ",\"msg\":\"insufficient subscription\"}]");
                return;
            }
            ObjectNode ack = JSON.createObjectNode().put("T", "subscription");
            ack.set("trades", message.path("trades"));
            ack.putArray("quotes");
            ack.putArray("bars");
            send(session, "[" + ack + "]");
            int index = connection - script.limitedConnections() - 1;
            if (index < script.frames().size()) {
                for (String frame : script.frames().get(index)) {
                    send(session, frame);
                }
                if (index < script.frames().size() - 1) {
                    session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "scripted drop"));
                }
            }
        }

        private static void send(Session session, String text) {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
