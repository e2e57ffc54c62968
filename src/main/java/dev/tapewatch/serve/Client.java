package dev.tapewatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.feed.AlpacaMsgpack;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket client, spoken to in the server's {@link Dialect}: its login, its subscriptions, and its frames
 * queued without waiting on it. Public because Tyrus calls it reflectively.
 */
public final class Client extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(Client.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AUTH_TIMEOUT_MILLIS = 10_000;
    /** Unsent text a client may have before it counts as too slow: several seconds of the whole market at 1x. */
    private static final long MAX_QUEUED_CHARS = 8_000_000;
    /** At speed 0 the market waits for its clients while any has more than this unsent... */
    private static final long PACE_QUEUED_CHARS = 1_000_000;
    /** ...unless one stays behind this long: then it is dropped and the market goes on for the others. */
    private static final long BEHIND_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Clients clients;
    private final Dialect dialect;
    /** Whether this client asked for msgpack (binary frames) on its upgrade, as Alpaca's SDKs do. */
    private final boolean msgpack;
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    /** Our event subscriptions: "SPIKE.*", "ALERT.SPY". */
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final AtomicLong queuedChars = new AtomicLong();
    private volatile boolean all;
    private volatile boolean authenticated;
    private volatile boolean dropped;
    private long behindSince; // ticker thread
    private Session session;

    Client(Clients clients, Dialect dialect, boolean msgpack) {
        this.clients = clients;
        this.dialect = dialect;
        this.msgpack = msgpack;
    }

    @Override
    public void onOpen(Session opened, EndpointConfig config) {
        session = opened;
        clients.add(this);
        opened.addMessageHandler(String.class, this::receive);
        opened.addMessageHandler(ByteBuffer.class, this::receive);
        send(dialect.connected());
        clients.timers().schedule(() -> {
            if (!authenticated && session.isOpen()) {
                send(dialect.authTimeout());
                close(CloseReason.CloseCodes.VIOLATED_POLICY, "auth timeout");
            }
        }, AUTH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClose(Session closed, CloseReason reason) {
        clients.remove(this);
    }

    @Override
    public void onError(Session failed, Throwable error) {
        clients.remove(this);
        LOG.debug("simulator connection error: {}", error.toString());
    }

    boolean authenticated() {
        return authenticated;
    }

    /** Whether it subscribed to every symbol's bars ({@code A.*}). */
    boolean streamsAll() {
        return all;
    }

    /** Whether it subscribed to any bars at all. */
    boolean streamsAny() {
        return all || !symbols.isEmpty();
    }

    boolean streams(String symbol) {
        return symbols.contains(symbol);
    }

    /** Whether it subscribed to our events of {@code type} for {@code symbol} or for all. */
    boolean wantsEvent(String type, String symbol) {
        return events.contains(type + ".*") || events.contains(type + "." + symbol);
    }

    /** Symbols this connection streams, in a stable order. */
    Set<String> streamed(List<String> wildcard) {
        if (!all) {
            return new TreeSet<>(symbols);
        }
        Set<String> union = new LinkedHashSet<>(wildcard);
        union.addAll(new TreeSet<>(symbols));
        return union;
    }

    private void receive(String text) {
        try {
            handle(JSON.readTree(text));
        } catch (IOException e) {
            send(dialect.error("invalid message: not JSON"));
        }
    }

    private void receive(ByteBuffer bytes) {
        if (!dialect.speaksMsgpack()) {
            send(dialect.error("invalid message: binary frames are not spoken here"));
            return;
        }
        try {
            handle(AlpacaMsgpack.decode(bytes));
        } catch (IOException | RuntimeException e) {
            send(dialect.error("invalid message: not msgpack"));
        }
    }

    private void handle(JsonNode message) {
        Dialect.Request request = dialect.read(message);
        switch (request.action()) {
            case "auth" -> {
                if (clients.accepts(request.key())) {
                    authenticated = true;
                    send(dialect.authenticated());
                } else {
                    send(dialect.authFailed());
                    close(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed");
                }
            }
            case "subscribe", "unsubscribe" -> {
                if (!authenticated) {
                    send(dialect.error("not authorized: authenticate first"));
                    return;
                }
                change(request.action().equals("subscribe"), request.targets());
            }
            default -> send(dialect.error("unknown action: " + request.action()));
        }
    }

    private void change(boolean subscribe, List<Dialect.Target> targets) {
        List<Dialect.Target> applied = new ArrayList<>();
        for (Dialect.Target target : targets) {
            if (target.symbol() == null) {
                send(dialect.error("not supported by the simulator: " + target.raw()));
            } else if (!target.channel().equals(Dialect.Target.BARS)) {
                String event = target.channel() + "." + target.symbol();
                if (subscribe) {
                    events.add(event);
                } else {
                    events.remove(event);
                }
                applied.add(target);
            } else {
                if (target.symbol().equals("*")) {
                    all = subscribe;
                } else if (subscribe) {
                    symbols.add(target.symbol());
                } else {
                    symbols.remove(target.symbol());
                }
                applied.add(target);
            }
        }
        for (String ack : dialect.acknowledge(subscribe, applied, symbols, all)) {
            send(ack);
        }
    }

    /**
     * Queues a frame without waiting: the ticker serves every client from one thread, so a client that stops
     * reading must not hold up the others. One whose unsent frames pass {@link #MAX_QUEUED_CHARS} is
     * disconnected with a status message, as Polygon does with a slow consumer.
     */
    void send(String frame) {
        Session current = session;
        if (current == null || !current.isOpen() || dropped) {
            return;
        }
        byte[] binary = msgpack ? AlpacaMsgpack.encode(frame) : null;
        int size = binary != null ? binary.length : frame.length();
        if (queuedChars.addAndGet(size) > MAX_QUEUED_CHARS) {
            drop();
            return;
        }
        try {
            if (binary != null) {
                current.getAsyncRemote().sendBinary(ByteBuffer.wrap(binary), result -> queuedChars.addAndGet(-size));
            } else {
                current.getAsyncRemote().sendText(frame, result -> queuedChars.addAndGet(-size));
            }
        } catch (IllegalStateException e) {
            LOG.debug("simulator send failed: {}", e.toString());
        }
    }

    /**
     * Ticker thread, at speed 0, where the market runs as fast as its clients read: whether to wait for this
     * client, which is more than a moment behind; one behind for {@link #BEHIND_LIMIT_NANOS} is dropped instead,
     * so it cannot hold the others up.
     */
    boolean holdsUpThePace(long nowNanos) {
        if (queuedChars.get() <= PACE_QUEUED_CHARS) {
            behindSince = 0;
            return false;
        }
        if (behindSince == 0) {
            behindSince = nowNanos;
            return true;
        }
        if (nowNanos - behindSince > BEHIND_LIMIT_NANOS) {
            drop();
            return false;
        }
        return true;
    }

    /** Disconnects a client that does not keep up, saying why, without waiting on its socket. */
    private void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        clients.remove(this);
        LOG.info("simulator: dropping a client that fell {} characters behind", queuedChars.get());
        Session current = session;
        try {
            if (msgpack) {
                current.getAsyncRemote().sendBinary(ByteBuffer.wrap(AlpacaMsgpack.encode(dialect.slowConsumer())));
            } else {
                current.getAsyncRemote().sendText(dialect.slowConsumer());
            }
        } catch (IllegalStateException e) {
            LOG.debug("simulator status to a slow client failed: {}", e.toString());
        }
        clients.timers().execute(() -> close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "slow consumer"));
    }

    private void close(CloseReason.CloseCodes code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.debug("simulator close failed: {}", e.toString());
        }
    }
}
