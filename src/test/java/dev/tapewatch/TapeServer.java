package dev.tapewatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.serve.LoopbackServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Polygon-compatible server that plays a fixed tape of second bars as if live: once a client subscribes, one
 * tape second is published every {@code millisPerSecond}; connected subscribers get it over the websocket, and
 * REST second aggregates serve every published second in small pages linked by {@code next_url}. A test can drop
 * every connection: the seconds published until the client is back (at least five) exist only over REST.
 */
public final class TapeServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AGGS = Pattern.compile("/v2/aggs/ticker/([^/]+)/range/1/second/(\\d+)/(\\d+)");
    public static final int PAGE = 10;

    /** A REST page served: which symbol and range, and whether it was the last page of its request. */
    public record Page(String symbol, long from, long to, int bars, boolean last, String key) {
    }

    private final List<Long> seconds;
    private final Map<Long, List<Bar>> bySecond = new TreeMap<>();
    private final String key;
    private final long millisPerSecond;
    private final LoopbackServer server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final List<String> requestTargets = new CopyOnWriteArrayList<>();
    private final List<Bar> sent = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int published;
    private volatile boolean paused;
    /** Seconds published after a drop that no client hears, however fast it reconnects. */
    private static final int UNHEARD_SECONDS = 5;
    private volatile int unheardUntil;
    private volatile Thread ticker;

    private TapeServer(List<Bar> tape, String key, long millisPerSecond) throws IOException {
        for (Bar bar : tape) {
            bySecond.computeIfAbsent(bar.start(), s -> new ArrayList<>()).add(bar);
        }
        this.seconds = new ArrayList<>(bySecond.keySet());
        this.key = key;
        this.millisPerSecond = millisPerSecond;
        ServerEndpointConfig endpoint = LoopbackServer.endpoint("/stocks", Connection.class, () -> new Connection());
        this.server = LoopbackServer.start(0, endpoint, this::rest);
    }

    public static TapeServer start(List<Bar> tape, String key, long millisPerSecond) throws IOException {
        return new TapeServer(tape, key, millisPerSecond);
    }

    public String url() {
        return server.websocketUri().toString();
    }

    public String restUrl() {
        return server.httpUri().toString();
    }

    /** Tape seconds published so far. */
    public int published() {
        return published;
    }

    public boolean finished() {
        return published == seconds.size();
    }

    /** The start of the n-th tape second. */
    public long second(int index) {
        return seconds.get(index);
    }

    public List<Page> pages() {
        return pages;
    }

    /** Every REST request line as received (path and query), to check no key travels in a URL. */
    public List<String> requestTargets() {
        return requestTargets;
    }

    /** Every bar sent over the websocket, in order (each send to each connection). */
    public List<Bar> sent() {
        return sent;
    }

    /** Connections accepted so far. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** While paused the tape stands still and nothing is sent: a socket gone quiet. */
    public void pause(boolean value) {
        paused = value;
    }

    /** Sends a raw frame to every subscribed connection (odd frames for a client to cope with). */
    public void broadcast(String frame) {
        for (Connection connection : connections) {
            connection.sendText(frame);
        }
    }

    /** Drops every connection at once, as a network failure does. */
    public void dropAll() {
        // the next seconds go to no one, even a client back at once: a drop always loses something to fill
        unheardUntil = published + UNHEARD_SECONDS;
        for (Connection connection : connections) {
            connection.drop();
        }
    }

    public int connections() {
        return connections.size();
    }

    @Override
    public void close() {
        Thread current = ticker;
        if (current != null) {
            current.interrupt();
        }
        server.close();
    }

    private synchronized void startClock() {
        if (ticker != null) {
            return;
        }
        ticker = new Thread(() -> {
            try {
                while (published < seconds.size()) {
                    Thread.sleep(millisPerSecond);
                    if (paused) {
                        continue;
                    }
                    List<Bar> bars = bySecond.get(seconds.get(published));
                    for (Connection connection : published < unheardUntil ? List.<Connection>of() : connections) {
                        connection.send(bars);
                    }
                    published++; // after sending: finished() means every frame went out
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tape-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private LoopbackServer.Reply rest(LoopbackServer.HttpGet request) {
        requestTargets.add(request.path() + "?" + request.query());
        Matcher matcher = AGGS.matcher(request.path());
        if (!matcher.matches()) {
            return LoopbackServer.Reply.json(404, "{\"status\":\"NOT_FOUND\"}");
        }
        if (!key.equals(request.bearer())) {
            return LoopbackServer.Reply.json(401, "{\"status\":\"NOT_AUTHORIZED\",\"error\":\"Unknown API Key\"}");
        }
        String symbol = matcher.group(1);
        long from = Long.parseLong(matcher.group(2));
        long to = Long.parseLong(matcher.group(3));
        long horizon = published == 0 ? Long.MIN_VALUE : seconds.get(published - 1);
        List<Bar> matching = new ArrayList<>();
        for (Map.Entry<Long, List<Bar>> second : bySecond.entrySet()) {
            if (second.getKey() >= from && second.getKey() <= to && second.getKey() <= horizon) {
                second.getValue().stream().filter(bar -> bar.symbol().equals(symbol)).forEach(matching::add);
            }
        }
        List<Bar> page = matching.subList(0, Math.min(PAGE, matching.size()));
        boolean last = matching.size() <= PAGE;
        long next = page.isEmpty() ? from : page.get(page.size() - 1).start() + 1;
        String nextUrl = last ? null : request.base(server.httpUri()) + "/v2/aggs/ticker/" + symbol
                + "/range/1/second/" + next + "/" + to
                + "?cursor=c" + next + "&adjusted=false&sort=asc&limit=50000";
        pages.add(new Page(symbol, from, to, page.size(), last, request.bearer()));
        return LoopbackServer.Reply.json(200, PolygonCodec.aggregatesPage(symbol, false, page, nextUrl));
    }

    /** One client: Polygon's handshake, then the published seconds of its symbols. */
    public final class Connection extends Endpoint {
        private final Set<String> symbols = ConcurrentHashMap.newKeySet();
        private volatile Session session;

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            session = opened;
            TapeServer.this.opened.incrementAndGet();
            opened.addMessageHandler(String.class, this::receive);
            sendText(PolygonCodec.status("connected", "Connected Successfully"));
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            connections.remove(this);
        }

        private void receive(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                String params = message.path("params").asText("");
                switch (message.path("action").asText()) {
                    case "auth" -> {
                        if (key.equals(params)) {
                            sendText(PolygonCodec.status("auth_success", "authenticated"));
                        } else {
                            sendText(PolygonCodec.status("auth_failed", "authentication failed"));
                            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "auth failed"));
                        }
                    }
                    case "subscribe" -> {
                        for (String param : params.split(",")) {
                            symbols.add(param.trim().substring(2));
                            sendText(PolygonCodec.status("success", "subscribed to: " + param.trim()));
                        }
                        connections.add(this);
                        startClock();
                    }
                    default -> { }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void send(List<Bar> bars) {
            List<Bar> mine = bars.stream().filter(bar -> symbols.contains(bar.symbol())).toList();
            if (!mine.isEmpty() && sendText(PolygonCodec.bars(mine))) {
                sent.addAll(mine);
            }
        }

        /** True when the frame went out. */
        private synchronized boolean sendText(String text) {
            Session current = session;
            if (current != null && current.isOpen()) {
                try {
                    current.getBasicRemote().sendText(text);
                    return true;
                } catch (IOException | IllegalStateException e) {
                    // the client is gone; it will reconnect
                }
            }
            return false;
        }

        synchronized void drop() {
            connections.remove(this);
            Session current = session;
            session = null;
            if (current != null) {
                try {
                    current.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "test drop"));
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }
}
