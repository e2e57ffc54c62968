package dev.tapewatch.feed;

import dev.tapewatch.feed.FeedStatus.State;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
 * Tyrus's socket thread only queues frames; the delivery thread ({@link FeedDelivery}) decodes and calls the
 * listener, in order; the control thread, this class, owns the connection state (connect, control signals, pings,
 * staleness, reconnects).
 */
public final class StreamFeed implements Feed {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFeed.class);
    /** How often a protocol that holds bars back (trade aggregation) is asked for those now due. */
    private static final long TICK_MILLIS = 250;

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

    private final Config config;
    private final StreamProtocol protocol;
    private final URI endpoint;
    private final FeedListener listener;
    private final ClientManager client = ClientManager.createClient();
    private final ScheduledExecutorService control;
    private final FeedDelivery delivery;
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();
    private final AtomicLong reconnects = new AtomicLong();
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
    public StreamFeed(Config config, StreamProtocol protocol, FeedListener listener,
                      Function<String, ThreadFactory> threads) {
        JulLogging.routeToSlf4j();
        this.config = config;
        this.protocol = protocol;
        this.endpoint = protocol.endpoint(config.url());
        this.listener = listener;
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) config.handshakeMillis());
        this.control = Executors.newSingleThreadScheduledExecutor(threads.apply("feed-control"));
        this.delivery = new FeedDelivery(protocol, listener, config.marketClock(),
                (connection, signal) -> control.execute(() -> handle(connection, signal)),
                threads.apply("feed-delivery"));
    }

    @Override
    public void start() {
        delivery.start();
        control.execute(this::connect);
        control.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        control.scheduleWithFixedDelay(delivery::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
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
        return delivery.stats(reconnects.get());
    }

    @Override
    public void close() {
        if (control.isShutdown()) {
            return;
        }
        try {
            control.submit(() -> {
                stopped = true;
                closeSession("stopped"); // first: a frame the socket hands over after the end is not delivered
                endSession("stopped");
                if (status.state() != State.FAILED) { // a failure stays the last word
                    setStatus(FeedStatus.of(State.STOPPED, null));
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Feed did not stop cleanly: {}", e.toString());
        }
        control.shutdownNow();
        delivery.stop(30_000);
        client.shutdown();
    }

    // ---- control thread ----

    private void connect() {
        if (terminal()) {
            return;
        }
        long connection = ++generation;
        delivery.connectionChanged(connection);
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
        delivery.enqueue(() -> listener.sessionStarted(started, now));
    }

    private void endSession(String reason) {
        if (!subscribed.isEmpty()) {
            long now = config.marketClock().getAsLong();
            delivery.endSession(generation, () -> listener.sessionEnded(now, reason), stopped);
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
        delivery.connectionChanged(++generation); // late events of the lost connection are ignored from here on
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
        delivery.enqueue(() -> listener.status(next));
    }

    private String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return protocol.redact(message);
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
                delivery.frame(connection, text);
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
            delivery.enqueue(() -> {
                if (!control.isShutdown()) {
                    control.execute(task);
                }
            });
        }
    }
}
