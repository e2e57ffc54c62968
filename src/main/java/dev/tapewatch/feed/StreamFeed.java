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
 * A provider's market data websocket ({@link StreamProtocol}: Polygon's aggregates, Alpaca's trades): connect,
 * authenticate, subscribe, decode, and reconnect forever with backoff. Three kinds of thread and one rule each:
 * Tyrus's socket thread only queues frames; the delivery thread decodes and calls the listener, in order; the
 * control thread owns the connection state (connect, control signals, pings, staleness, reconnects).
 */
public final class StreamFeed implements Feed {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFeed.class);
    /** How often a protocol that holds bars back (trade aggregation) is asked for those now due. */
    private static final long TICK_MILLIS = 250;
    private static final int LOGGED_PROBLEMS = 20;
    /**
     * Frames waiting for decoding. Bounded in frames (an A.* frame can hold hundreds of bars): when full, the
     * socket thread waits, which pushes back on the server instead of filling the heap.
     */
    private static final int INBOUND_FRAMES = 4_096;

    /** How to reach and judge the provider. {@code marketClock} gives "now" in the bars' time base. */
    public record Config(URI url, long stalenessMillis, long pingMillis, long handshakeMillis, Backoff backoff,
                         LongSupplier marketClock) {

        public static Config of(URI url) {
            return new Config(url, 30_000, 20_000, 10_000, Backoff.DEFAULT, System::currentTimeMillis);
        }

        public Config withStaleness(long millis) {
            return new Config(url, millis, pingMillis, handshakeMillis, backoff, marketClock);
        }

        public Config withBackoff(Backoff value) {
            return new Config(url, stalenessMillis, pingMillis, handshakeMillis, value, marketClock);
        }

        public Config withMarketClock(LongSupplier clock) {
            return new Config(url, stalenessMillis, pingMillis, handshakeMillis, backoff, clock);
        }
    }

    private record Frame(long generation, String text) {
    }

    private static final Runnable END = () -> { };
    private static final Object TICK = new Object();

    private final Config config;
    private final StreamProtocol protocol;
    private final URI endpoint;
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

    private volatile long currentGeneration;

    // Owned by the control thread.
    private long generation;
    private Session session;
    private int attempt;
    private boolean streaming;
    private boolean stopped;
    private long lastPingNanos;
    private Set<String> subscribed = Set.of();

    /** {@code threads} makes the feed's two threads (the app owns thread creation: {@code Threads::named}). */
    public StreamFeed(Config config, StreamProtocol protocol, FeedListener listener,
                      Function<String, ThreadFactory> threads) {
        JulLogging.routeToSlf4j();
        this.config = config;
        this.protocol = protocol;
        this.endpoint = protocol.endpoint(config.url());
        this.listener = listener;
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) config.handshakeMillis());
        this.control = Executors.newSingleThreadScheduledExecutor(threads.apply("feed-control"));
        this.delivery = threads.apply("feed-delivery").newThread(this::deliverLoop);
    }

    @Override
    public void start() {
        delivery.start();
        control.execute(this::connect);
        control.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        control.scheduleWithFixedDelay(() -> inbound.offer(TICK), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The address as it may be shown or logged. */
    private String shownUri() {
        return protocol.redact(endpoint.toString());
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
        currentGeneration = connection;
        setStatus(FeedStatus.of(State.CONNECTING, shownUri()));
        lastFrameNanos = System.nanoTime();
        try {
            session = client.connectToServer(new Connection(connection), ClientEndpointConfig.Builder.create().build(),
                    endpoint);
        } catch (Exception e) {
            connectionLost(connection, describe(e));
        }
    }

    private void handle(long connection, StreamProtocol.Signal signal) {
        if (connection != generation || terminal()) {
            return;
        }
        if (signal instanceof StreamProtocol.Signal.Connected) {
            if (status.state() == State.CONNECTING) {
                setStatus(FeedStatus.of(State.AUTHENTICATING, null));
                send(protocol.authMessage());
            }
        } else if (signal instanceof StreamProtocol.Signal.Authenticated) {
            attempt = 0;
            streaming = true;
            subscribed = Set.of();
            resubscribe();
            setStatus(FeedStatus.of(State.STREAMING, null));
        } else if (signal instanceof StreamProtocol.Signal.Failed failed) {
            setStatus(FeedStatus.of(State.FAILED, failed.reason()));
            LOG.error("{} refused this client for good: {}", shownUri(), failed.reason());
            closeSession("refused");
        } else if (signal instanceof StreamProtocol.Signal.ConnectionLimit limit) {
            LOG.warn("{}; retrying later", limit.reason());
            dropConnection(limit.reason(), Backoff.CONNECTION_LIMIT);
        } else if (signal instanceof StreamProtocol.Signal.Reconnect reconnect) {
            dropConnection(reconnect.reason(), config.backoff());
        } else if (signal instanceof StreamProtocol.Signal.Warning warning) {
            LOG.warn("{}", warning.message());
            setStatus(new FeedStatus(status.state(), warning.message(), status.attempt(), status.nextAttemptAt()));
        } else if (signal instanceof StreamProtocol.Signal.Info info) {
            LOG.debug("{}", info.message());
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
        for (String message : protocol.subscriptionMessages(added, removed)) {
            send(message);
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
            long drained = generation;
            enqueue((Runnable) () -> deliver(drained, protocol.drain()));
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
            LOG.warn("No data from {} for {} s; reconnecting", shownUri(), silentMillis / 1000);
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
        currentGeneration = ++generation; // late events of the lost connection are ignored from here on
        session = null;
        streaming = false;
        endSession("disconnected: " + reason);
        reconnects.incrementAndGet();
        attempt++;
        long delay = backoff.delay(attempt, ThreadLocalRandom.current());
        LOG.info("Connection to {} lost ({}); reconnecting in {} ms (attempt {})", shownUri(), reason, delay,
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
        return protocol.redact(message);
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
                    frames.incrementAndGet();
                    deliver(frame.generation(), protocol.decode(frame.text()));
                } else if (item == TICK) {
                    deliver(generation(), protocol.tick(config.marketClock().getAsLong()));
                } else {
                    ((Runnable) item).run();
                }
            } catch (RuntimeException e) {
                LOG.error("Feed listener failed; continuing", e);
            }
        }
    }

    private void deliver(long connection, StreamProtocol.Decoded decoded) {
        for (String problem : decoded.problems()) {
            long count = malformed.incrementAndGet();
            if (count <= LOGGED_PROBLEMS || count % 1000 == 0) {
                LOG.warn("Skipped malformed data (#{}): {}", count, protocol.redact(problem));
            }
        }
        for (String kind : decoded.unknown()) {
            noteUnknown(kind);
        }
        for (StreamProtocol.Signal signal : decoded.signals()) {
            control.execute(() -> handle(connection, signal));
        }
        List<Bar> received = decoded.bars();
        if (!received.isEmpty()) {
            bars.addAndGet(received.size());
            lastBarEnd = received.get(received.size() - 1).end();
            listener.bars(received);
        }
        if (!decoded.removed().isEmpty()) {
            listener.removed(decoded.removed());
        }
    }

    /** The current connection's generation, read on the delivery thread (a tick belongs to whichever is current). */
    private long generation() {
        return currentGeneration;
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
