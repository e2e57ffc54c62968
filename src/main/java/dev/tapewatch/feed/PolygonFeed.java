package dev.tapewatch.feed;

import dev.tapewatch.feed.FeedStatus.State;
import dev.tapewatch.market.Bar;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polygon's (Massive's) stocks websocket: connect, authenticate, subscribe {@code A.<symbol>}, decode, and
 * reconnect forever with backoff. Three kinds of thread and one rule each: Tyrus's socket thread only queues
 * frames; the delivery thread decodes and calls the listener, in order; the control thread owns the
 * connection state (connect, statuses, pings, staleness, reconnects).
 */
public final class PolygonFeed implements Feed {
    private static final Logger LOG = LoggerFactory.getLogger(PolygonFeed.class);
    private static final int LOGGED_PROBLEMS = 20;
    /**
     * Frames waiting for decoding. Bounded in frames (an A.* frame can hold hundreds of bars): when full, the
     * socket thread waits, which pushes back on the server instead of filling the heap.
     */
    private static final int INBOUND_FRAMES = 4_096;

    /** How to reach and judge the provider. {@code marketClock} gives "now" in the bars' time base. */
    public record Config(URI url, String key, long stalenessMillis, long pingMillis, long handshakeMillis,
                         Backoff backoff, LongSupplier marketClock) {
        public Config {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("an API key is needed to connect to " + url);
            }
        }

        public static Config of(URI url, String key) {
            return new Config(url, key, 30_000, 20_000, 10_000, Backoff.DEFAULT, System::currentTimeMillis);
        }

        public Config withStaleness(long millis) {
            return new Config(url, key, millis, pingMillis, handshakeMillis, backoff, marketClock);
        }

        public Config withBackoff(Backoff value) {
            return new Config(url, key, stalenessMillis, pingMillis, handshakeMillis, value, marketClock);
        }

        public Config withMarketClock(LongSupplier clock) {
            return new Config(url, key, stalenessMillis, pingMillis, handshakeMillis, backoff, clock);
        }

        /** The stocks cluster's address: {@code {url}/stocks}, unless the URL already names it; a query stays. */
        URI stocksUri() {
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
            return URI.create(url.getScheme() + "://" + url.getRawAuthority()
                    + (path.endsWith("/stocks") ? path : path + "/stocks") + query);
        }

        /** The address as it may be shown or logged: a key in its query is redacted. */
        String shownUri() {
            return Secrets.redact(stocksUri().toString(), key);
        }
    }

    private record Frame(long generation, String text) {
    }

    private static final Runnable END = () -> { };

    private final Config config;
    private final FeedListener listener;
    private final ClientManager client = ClientManager.createClient();
    private final ScheduledExecutorService control;
    private final Thread delivery;
    private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>(INBOUND_FRAMES);
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    private final Set<String> unknownKinds = ConcurrentHashMap.newKeySet();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long lastBarEnd;
    private volatile long lastFrameNanos;
    private volatile FeedStatus status = FeedStatus.of(State.STOPPED, "not started");

    // Owned by the control thread.
    private long generation;
    private Session session;
    private int attempt;
    private boolean streaming;
    private boolean stopped;
    private long lastPingNanos;
    private Set<String> subscribed = Set.of();

    /** {@code threads} makes the feed's two threads (the app owns thread creation: {@code Threads::named}). */
    public PolygonFeed(Config config, FeedListener listener, Function<String, ThreadFactory> threads) {
        JulLogging.routeToSlf4j();
        this.config = config;
        this.listener = listener;
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) config.handshakeMillis());
        this.control = Executors.newSingleThreadScheduledExecutor(threads.apply("polygon-feed-control"));
        this.delivery = threads.apply("polygon-feed-delivery").newThread(this::deliverLoop);
    }

    @Override
    public void start() {
        delivery.start();
        control.execute(this::connect);
        control.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void subscribe(Collection<String> added) {
        symbols.addAll(added);
        control.execute(this::resubscribe);
    }

    @Override
    public void unsubscribe(Collection<String> removed) {
        symbols.removeAll(removed);
        control.execute(this::resubscribe);
    }

    @Override
    public Set<String> symbols() {
        return Set.copyOf(symbols);
    }

    @Override
    public FeedStatus status() {
        return status;
    }

    @Override
    public FeedStats stats() {
        long end = lastBarEnd;
        return new FeedStats(frames.get(), bars.get(), malformed.get(), unknown.get(), reconnects.get(),
                end == 0 ? 0 : config.marketClock().getAsLong() - end);
    }

    @Override
    public void close() {
        if (control.isShutdown()) {
            return;
        }
        try {
            control.submit(() -> {
                stopped = true;
                endSession("stopped");
                closeSession("stopped");
                if (status.state() != State.FAILED) { // a failure stays the last word
                    setStatus(FeedStatus.of(State.STOPPED, null));
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Feed did not stop cleanly: {}", e.toString());
        }
        control.shutdownNow();
        enqueue(END);
        try {
            delivery.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.shutdown();
    }

    // ---- control thread ----

    private void connect() {
        if (terminal()) {
            return;
        }
        long connection = ++generation;
        setStatus(FeedStatus.of(State.CONNECTING, config.shownUri()));
        lastFrameNanos = System.nanoTime();
        try {
            session = client.connectToServer(new Connection(connection), ClientEndpointConfig.Builder.create().build(),
                    config.stocksUri());
        } catch (Exception e) {
            connectionLost(connection, describe(e));
        }
    }

    private void handle(long connection, PolygonCodec.Status event) {
        if (connection != generation || terminal()) {
            return;
        }
        String kind = String.valueOf(event.status());
        String message = Secrets.redact(event.message(), config.key());
        switch (kind) {
            case "connected" -> {
                if (status.state() == State.CONNECTING) {
                    setStatus(FeedStatus.of(State.AUTHENTICATING, null));
                    send(PolygonCodec.auth(config.key()));
                }
            }
            case "auth_success" -> {
                attempt = 0;
                streaming = true;
                subscribed = Set.of();
                resubscribe();
                setStatus(FeedStatus.of(State.STREAMING, null));
            }
            case "auth_failed" -> {
                setStatus(FeedStatus.of(State.FAILED, "the provider refused the API key (" + message
                        + "). Check the key in the settings, --key or POLYGON_API_KEY."));
                LOG.error("Authentication failed at {}: {}", config.shownUri(), message);
                closeSession("authentication failed");
            }
            case "max_connections" -> {
                LOG.warn("Another connection with this key is open ({}); retrying later", message);
                dropConnection("another connection with this key is open (" + message + ")",
                        Backoff.CONNECTION_LIMIT);
            }
            case "auth_timeout" -> dropConnection("authentication timed out (" + message + ")", config.backoff());
            case "success" -> LOG.debug("{}", message);
            case "error" -> {
                LOG.warn("Provider error: {}", message);
                setStatus(new FeedStatus(status.state(), "provider error: " + message, status.attempt(),
                        status.nextAttemptAt()));
            }
            default -> noteUnknown("status " + kind);
        }
    }

    /** Subscribes exactly the current symbol set: added ones on, removed ones off. */
    private void resubscribe() {
        if (!streaming || session == null) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(symbols);
        Set<String> added = new LinkedHashSet<>(wanted);
        added.removeAll(subscribed);
        Set<String> removed = new LinkedHashSet<>(subscribed);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty() && !subscribed.isEmpty()) {
            return;
        }
        if (!removed.isEmpty()) {
            send(PolygonCodec.unsubscribe(removed));
        }
        if (!added.isEmpty()) {
            send(PolygonCodec.subscribe(added));
        }
        if (!subscribed.isEmpty()) {
            endSession("symbols changed");
        }
        subscribed = Set.copyOf(wanted);
        long now = config.marketClock().getAsLong();
        Set<String> started = subscribed;
        enqueue((Runnable) () -> listener.sessionStarted(started, now));
    }

    private void endSession(String reason) {
        if (!subscribed.isEmpty()) {
            long now = config.marketClock().getAsLong();
            enqueue((Runnable) () -> listener.sessionEnded(now, reason));
            subscribed = Set.of();
        }
    }

    private void watch() {
        if (session == null || terminal()) {
            return;
        }
        long now = System.nanoTime();
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(now - lastFrameNanos);
        if (config.stalenessMillis() > 0 && silentMillis > config.stalenessMillis()) {
            LOG.warn("No data from {} for {} s; reconnecting", config.shownUri(), silentMillis / 1000);
            dropConnection("no data for " + silentMillis / 1000 + " s", config.backoff());
            return;
        }
        if (TimeUnit.NANOSECONDS.toMillis(now - lastPingNanos) >= config.pingMillis()) {
            lastPingNanos = now;
            try {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | RuntimeException e) {
                LOG.debug("ping failed: {}", e.toString());
            }
        }
    }

    private void dropConnection(String reason, Backoff backoff) {
        long connection = generation;
        closeSession(reason);
        lost(connection, reason, backoff);
    }

    private void connectionLost(long connection, String reason) {
        lost(connection, reason, config.backoff());
    }

    private void lost(long connection, String reason, Backoff backoff) {
        if (connection != generation || terminal()) {
            return;
        }
        generation++; // late events of the lost connection are ignored from here on
        session = null;
        streaming = false;
        endSession("disconnected: " + reason);
        reconnects.incrementAndGet();
        attempt++;
        long delay = backoff.delay(attempt, ThreadLocalRandom.current());
        LOG.info("Connection to {} lost ({}); reconnecting in {} ms (attempt {})", config.shownUri(), reason, delay,
                attempt);
        setStatus(FeedStatus.reconnecting(reason, attempt, System.currentTimeMillis() + delay));
        control.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void closeSession(String reason) {
        Session current = session;
        session = null;
        streaming = false;
        if (current != null && current.isOpen()) {
            try {
                current.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
            } catch (IOException | RuntimeException e) {
                LOG.debug("close failed: {}", e.toString());
            }
        }
    }

    private void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException | RuntimeException e) {
            connectionLost(generation, "send failed: " + describe(e));
        }
    }

    private boolean terminal() {
        return stopped || status.state() == State.FAILED;
    }

    private void setStatus(FeedStatus next) {
        status = next;
        enqueue((Runnable) () -> listener.status(next));
    }

    private String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Secrets.redact(message, config.key());
    }

    /** Queues work for the delivery thread, waiting for room (never dropping a frame or an event). */
    private void enqueue(Object item) {
        try {
            inbound.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- delivery thread ----

    private void deliverLoop() {
        while (true) {
            Object item;
            try {
                item = inbound.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == END) {
                return;
            }
            try {
                if (item instanceof Frame frame) {
                    deliver(frame);
                } else {
                    ((Runnable) item).run();
                }
            } catch (RuntimeException e) {
                LOG.error("Feed listener failed; continuing", e);
            }
        }
    }

    private void deliver(Frame frame) {
        frames.incrementAndGet();
        PolygonCodec.Decoded decoded = PolygonCodec.decode(frame.text());
        for (String problem : decoded.problems()) {
            long count = malformed.incrementAndGet();
            if (count <= LOGGED_PROBLEMS || count % 1000 == 0) {
                LOG.warn("Skipped malformed data (#{}): {}", count, Secrets.redact(problem, config.key()));
            }
        }
        for (String kind : decoded.unknownEvents()) {
            noteUnknown("event " + kind);
        }
        for (PolygonCodec.Status event : decoded.statuses()) {
            control.execute(() -> handle(frame.generation(), event));
        }
        List<Bar> received = decoded.bars();
        if (!received.isEmpty()) {
            bars.addAndGet(received.size());
            lastBarEnd = received.get(received.size() - 1).end();
            listener.bars(received);
        }
    }

    private void noteUnknown(String kind) {
        unknown.incrementAndGet();
        if (unknownKinds.add(kind)) {
            LOG.info("Ignoring unknown {} (logged once)", kind);
        }
    }

    /**
     * One websocket connection; its events are tagged with the generation it belongs to. Public because
     * Tyrus calls it reflectively.
     */
    public final class Connection extends Endpoint {
        private final long connection;

        Connection(long connection) {
            this.connection = connection;
        }

        @Override
        public void onOpen(Session opened, EndpointConfig endpointConfig) {
            opened.setMaxTextMessageBufferSize(64 * 1024 * 1024);
            opened.addMessageHandler(String.class, text -> {
                enqueue(new Frame(connection, text));
                lastFrameNanos = System.nanoTime();
            });
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            String text = reason.getCloseCode().getCode() + (reason.getReasonPhrase() == null
                    || reason.getReasonPhrase().isBlank() ? "" : " " + reason.getReasonPhrase());
            executeControl(() -> connectionLost(connection, "closed by server (" + text + ")"));
        }

        @Override
        public void onError(Session failed, Throwable error) {
            executeControl(() -> connectionLost(connection, describe(error)));
        }

        /**
         * Goes through the delivery queue first, so the control thread sees a close only after every status
         * received before it (an auth_failed right before the server hangs up must win over a reconnect).
         */
        private void executeControl(Runnable task) {
            enqueue((Runnable) () -> {
                if (!control.isShutdown()) {
                    control.execute(task);
                }
            });
        }
    }
}
