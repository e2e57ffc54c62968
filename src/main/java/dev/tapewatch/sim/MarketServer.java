package dev.tapewatch.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.feed.AlpacaMsgpack;
import dev.tapewatch.feed.JulLogging;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A market served the way Polygon serves its stocks cluster: websocket {@code /stocks} with {@code A} events,
 * one array frame per market second, and REST second aggregates for backfill. The bars come from a
 * {@link Source}: the simulated market, or a stored day (replay). Listens on 127.0.0.1 only.
 */
public final class MarketServer implements AutoCloseable {

    /** Where the bars come from. Asked from the server's one ticker thread, seconds in increasing order. */
    public interface Source {
        /** The bar of {@code symbol} for the second starting at {@code second}, or null if it did not trade. */
        Bar bar(String symbol, long second);

        /** The second to serve after {@code second} (nights and weekends skipped); {@link Long#MAX_VALUE}: the end. */
        long next(long second);

        /** Bars of a symbol with start in [from, to), for REST; the server never asks for the future. */
        List<Bar> history(String symbol, long from, long to);

        /** What {@code A.*} streams. */
        List<String> symbols();

        /** Whether the market stands still until a first client subscribes (a replay: no bar goes out unheard). */
        default boolean waitsForFirstClient() {
            return false;
        }
    }
    private static final Logger LOG = LoggerFactory.getLogger(MarketServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AUTH_TIMEOUT_MILLIS = 10_000;
    /** Unsent text a client may have before it counts as too slow: several seconds of the whole market at 1x. */
    private static final long MAX_QUEUED_CHARS = 8_000_000;
    /** At speed 0 the market waits for its clients while any has more than this unsent... */
    private static final long PACE_QUEUED_CHARS = 1_000_000;
    /** ...unless one stays behind this long: then it is dropped and the market goes on for the others. */
    private static final long BEHIND_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /**
     * How to run: {@code start} is the market time to begin at (null: {@link SimClock#defaultStart}),
     * {@code requiredKey} the only key accepted (null: any non-blank key), {@code symbols} what {@code A.*}
     * streams.
     */
    public record Settings(int port, double speed, long seed, Long start, String requiredKey, List<String> symbols,
                           SimulatedMarket.EventSettings events, Protocol protocol, int market) {
        public static Settings defaults() {
            return new Settings(0, 1, 1, null, null, SimSymbol.DEFAULTS, SimulatedMarket.EventSettings.DEFAULT,
                    Protocol.POLYGON, 0);
        }

        /** A whole market of {@code count} symbols ({@link WholeMarket}) in place of the symbols; 0: not one. */
        public Settings withMarket(int count) {
            return new Settings(port, speed, seed, start, requiredKey, symbols, events, protocol, count);
        }

        public Settings withPort(int value) {
            return new Settings(value, speed, seed, start, requiredKey, symbols, events, protocol, market);
        }

        public static final double MAX_SPEED = 10_000;

        public Settings {
            if (!Double.isFinite(speed) || speed < 0 || speed > MAX_SPEED) {
                throw new IllegalArgumentException("the speed must be a number from 0 (as fast as possible) to "
                        + (long) MAX_SPEED + " simulated seconds per second, was " + speed);
            }
            if (start != null && start > System.currentTimeMillis() + dev.tapewatch.market.Bar.MAX_AHEAD_MILLIS) {
                throw new IllegalArgumentException("the start must not be more than a day ahead, was "
                        + ExchangeTime.localDateTime(start));
            }
        }

        public Settings withSpeed(double value) {
            return new Settings(port, value, seed, start, requiredKey, symbols, events, protocol, market);
        }

        public Settings withSeed(long value) {
            return new Settings(port, speed, value, start, requiredKey, symbols, events, protocol, market);
        }

        public Settings withStart(Long value) {
            return new Settings(port, speed, seed, value, requiredKey, symbols, events, protocol, market);
        }

        public Settings withRequiredKey(String value) {
            return new Settings(port, speed, seed, start, value, symbols, events, protocol, market);
        }

        public Settings withSymbols(List<String> value) {
            return new Settings(port, speed, seed, start, requiredKey, value, events, protocol, market);
        }

        public Settings withEvents(SimulatedMarket.EventSettings value) {
            return new Settings(port, speed, seed, start, requiredKey, symbols, value, protocol, market);
        }

        public Settings withProtocol(Protocol value) {
            return new Settings(port, speed, seed, start, requiredKey, symbols, events, value, market);
        }
    }

    /**
     * Our own message types, beside Polygon's {@code A}: a spike the recorder's detector closed, and an alert its
     * rules raised. Sent only to a client subscribed to them ({@code SPIKE.*}, {@code ALERT.SPY}), so a plain
     * Polygon client never sees one.
     */
    public static final Set<String> EVENT_TYPES = Set.of("SPIKE", "ALERT");

    /** What the server speaks: Polygon's aggregates, or Alpaca's trades (the same market, as trades). */
    public enum Protocol { POLYGON, ALPACA }

    private final Settings settings;
    private final Dialect dialect;
    private final Source source;
    private final SimClock clock;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers;
    private final Thread ticker;
    private final LoopbackServer server;
    private volatile boolean running = true;
    private volatile boolean ended;

    private MarketServer(Settings settings, Source source, Function<String, ThreadFactory> threads)
            throws IOException {
        JulLogging.routeToSlf4j();
        this.settings = settings;
        this.source = source;
        this.timers = Executors.newSingleThreadScheduledExecutor(threads.apply("market-timers"));
        long start = settings.start() != null ? settings.start() : SimClock.defaultStart(ZonedDateTime.now());
        this.clock = new SimClock(start, settings.speed());
        boolean alpaca = settings.protocol() == Protocol.ALPACA;
        this.dialect = alpaca ? new AlpacaDialect() : new PolygonDialect();
        ServerEndpointConfig endpoint = LoopbackServer.endpoint(dialect.path(), Connection.class,
                headers -> new Connection(dialect.speaksMsgpack() && headers.getOrDefault("content-type", "")
                        .toLowerCase(java.util.Locale.ROOT).contains(AlpacaMsgpack.CONTENT_TYPE)));
        this.server = LoopbackServer.start(settings.port(), endpoint,
                alpaca ? new TradesRoute(this) : new AggregatesRoute(this));
        this.ticker = threads.apply("market-ticker").newThread(this::tickLoop);
        ticker.start();
    }

    /** {@code threads} makes the server's threads (the app owns thread creation: {@code Threads::named}). */
    public static MarketServer start(Settings settings, Function<String, ThreadFactory> threads)
            throws IOException {
        if (settings.market() > 0) {
            WholeMarket market = WholeMarket.of(settings.market(), settings.seed());
            return new MarketServer(settings.withSymbols(market.symbols()), market.source(settings.seed()), threads);
        }
        return new MarketServer(settings, new SimulatedSource(new SimulatedMarket(settings.seed(), settings.events()),
                settings.symbols()), threads);
    }

    /** Serves bars from {@code source}, from the settings' start at their speed. */
    public static MarketServer start(Settings settings, Source source, Function<String, ThreadFactory> threads)
            throws IOException {
        return new MarketServer(settings, source, threads);
    }

    /**
     * Sends bars as they come (a relay of a live feed, replacements included) to every client subscribed to
     * their symbols; never waits on a client. Safe from one thread at a time (the feed's delivery thread).
     */
    public void publish(List<Bar> bars) {
        String everything = null;
        for (Connection connection : connections) {
            if (!connection.authenticated) {
                continue;
            }
            if (connection.all) {
                if (everything == null) {
                    everything = dialect.frame(bars);
                }
                connection.send(everything);
                continue;
            }
            List<Bar> wanted = bars.stream().filter(bar -> connection.symbols.contains(bar.symbol())).toList();
            if (!wanted.isEmpty()) {
                connection.send(dialect.frame(wanted));
            }
        }
    }

    /**
     * Sends one of our events ({@code type} one of {@link #EVENT_TYPES}, {@code frame} its JSON array) to every
     * client subscribed to that type for {@code symbol} or for all; never waits on a client.
     */
    public void publishEvent(String type, String symbol, String frame) {
        for (Connection connection : connections) {
            if (connection.authenticated && (connection.events.contains(type + ".*")
                    || connection.events.contains(type + "." + symbol))) {
                connection.send(frame);
            }
        }
    }

    /** Whether the source has no more seconds to serve (a replayed day that is over). */
    public boolean ended() {
        return ended;
    }

    /** The base URL to give a Polygon client: {@code ws://127.0.0.1:PORT} (the client adds {@code /stocks}). */
    public URI url() {
        return server.websocketUri();
    }

    public URI restUrl() {
        return server.httpUri();
    }

    public int port() {
        return server.port();
    }

    /** Connected clients (open websocket sessions). */
    int clients() {
        return connections.size();
    }

    public SimClock clock() {
        return clock;
    }


    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
        try {
            ticker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        server.close();
    }

    // ---- the market's pace ----

    private void tickLoop() {
        if (source.waitsForFirstClient()) {
            while (running && !anySubscriber()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            clock.restart();
        }
        long second = Math.floorDiv(clock.now(), 1000) * 1000;
        while (running) {
            if (settings.speed() > 0) {
                long due = clock.realNanosAt(second + 1000);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    // in short steps: a replay's pause, resume or new speed moves the due time
                    LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(20)));
                    continue;
                }
            } else if (!anySubscriber()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                continue;
            } else if (waitForClients()) {
                continue;
            }
            emit(second);
            long next = source.next(second);
            if (next == Long.MAX_VALUE) {
                ended = true;
                return;
            }
            if (next > second + 1000) {
                clock.skipTo(next);
            }
            second = next;
        }
    }

    /**
     * At speed 0 the market runs as fast as its clients read: true (wait) while a client is behind, and a client
     * behind for {@link #BEHIND_LIMIT_NANOS} is dropped so it cannot hold the others up.
     */
    private boolean waitForClients() {
        boolean wait = false;
        long now = System.nanoTime();
        for (Connection connection : connections) {
            if (!connection.behind()) {
                connection.behindSince = 0;
            } else if (connection.behindSince == 0) {
                connection.behindSince = now;
                wait = true;
            } else if (now - connection.behindSince > BEHIND_LIMIT_NANOS) {
                connection.drop();
            } else {
                wait = true;
            }
        }
        if (wait) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return wait;
    }

    private boolean anySubscriber() {
        for (Connection connection : connections) {
            if (connection.authenticated && (connection.all || !connection.symbols.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** Each symbol's bar of the second is made once, whoever asks; a second without trades is remembered too. */
    private void emit(long second) {
        Map<String, java.util.Optional<Bar>> barsOfSecond = new HashMap<>();
        for (Connection connection : connections) {
            if (!connection.authenticated) {
                continue;
            }
            List<Bar> frame = new ArrayList<>();
            for (String symbol : connection.streamed(source.symbols())) {
                barsOfSecond.computeIfAbsent(symbol, s -> java.util.Optional.ofNullable(source.bar(s, second)))
                        .ifPresent(frame::add);
            }
            if (!frame.isEmpty()) {
                connection.send(dialect.frame(frame));
            }
        }
    }

    private boolean accepts(String key) {
        return key != null && !key.isBlank() && (settings.requiredKey() == null || settings.requiredKey().equals(key));
    }

    // ---- one websocket connection ----

    /** Speaks Polygon's protocol to one client; public because Tyrus calls it reflectively. */
    public final class Connection extends Endpoint {
        private final Set<String> symbols = ConcurrentHashMap.newKeySet();
        /** Our event subscriptions: "SPIKE.*", "ALERT.SPY". */
        private final Set<String> events = ConcurrentHashMap.newKeySet();
        private volatile boolean all;
        private volatile boolean authenticated;
        private volatile boolean dropped;
        private long behindSince; // ticker thread
        private final java.util.concurrent.atomic.AtomicLong queuedChars = new java.util.concurrent.atomic.AtomicLong();
        private Session session;
        /** Whether this client asked for msgpack (binary frames) on its upgrade, as Alpaca's SDKs do. */
        private final boolean msgpack;

        Connection(boolean msgpack) {
            this.msgpack = msgpack;
        }

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            session = opened;
            connections.add(this);
            opened.addMessageHandler(String.class, this::receive);
            opened.addMessageHandler(java.nio.ByteBuffer.class, this::receive);
            send(dialect.connected());
            timers.schedule(() -> {
                if (!authenticated && session.isOpen()) {
                    send(dialect.authTimeout());
                    close(CloseReason.CloseCodes.VIOLATED_POLICY, "auth timeout");
                }
            }, AUTH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            connections.remove(this);
        }

        @Override
        public void onError(Session failed, Throwable error) {
            connections.remove(this);
            LOG.debug("simulator connection error: {}", error.toString());
        }

        /** Symbols this connection streams, in a stable order. */
        Set<String> streamed(List<String> wildcard) {
            if (!all) {
                return new java.util.TreeSet<>(symbols);
            }
            Set<String> union = new LinkedHashSet<>(wildcard);
            union.addAll(new java.util.TreeSet<>(symbols));
            return union;
        }

        private void receive(String text) {
            try {
                handle(JSON.readTree(text));
            } catch (IOException e) {
                send(dialect.error("invalid message: not JSON"));
            }
        }

        private void receive(java.nio.ByteBuffer bytes) {
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
                    if (accepts(request.key())) {
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
                    current.getAsyncRemote().sendBinary(java.nio.ByteBuffer.wrap(binary),
                            result -> queuedChars.addAndGet(-size));
                } else {
                    current.getAsyncRemote().sendText(frame, result -> queuedChars.addAndGet(-size));
                }
            } catch (IllegalStateException e) {
                LOG.debug("simulator send failed: {}", e.toString());
            }
        }

        /** Whether this client is more than a moment behind (the pace of an as-fast-as-possible market). */
        boolean behind() {
            return queuedChars.get() > PACE_QUEUED_CHARS;
        }

        /** Disconnects a client that does not keep up, saying why, without waiting on its socket. */
        void drop() {
            if (dropped) {
                return;
            }
            dropped = true;
            connections.remove(this);
            LOG.info("simulator: dropping a client that fell {} characters behind", queuedChars.get());
            Session current = session;
            try {
                if (msgpack) {
                    current.getAsyncRemote().sendBinary(java.nio.ByteBuffer.wrap(AlpacaMsgpack.encode(
                            dialect.slowConsumer())));
                } else {
                    current.getAsyncRemote().sendText(dialect.slowConsumer());
                }
            } catch (IllegalStateException e) {
                LOG.debug("simulator status to a slow client failed: {}", e.toString());
            }
            timers.execute(() -> close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "slow consumer"));
        }

        private void close(CloseReason.CloseCodes code, String reason) {
            try {
                session.close(new CloseReason(code, reason));
            } catch (IOException e) {
                LOG.debug("simulator close failed: {}", e.toString());
            }
        }
    }

    // ---- REST aggregates ----

    /** Bars of a symbol in [from, to) that the market has already served (the future is not served). */
    List<Bar> history(String symbol, long from, long to) {
        long until = Math.min(to, Math.floorDiv(clock.now(), 1000) * 1000);
        return from < until ? source.history(symbol, from, until) : List.of();
    }

    boolean acceptsKey(String key) {
        return accepts(key);
    }
}
