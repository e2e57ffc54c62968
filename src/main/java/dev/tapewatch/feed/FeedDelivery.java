package dev.tapewatch.feed;

import dev.tapewatch.market.Bar;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StreamFeed}'s feed-delivery thread and the one queue in front of it: the socket thread queues frames,
 * the control thread queues its events (status, sessions) and ticks, all in the order they happened; this thread
 * decodes the frames and calls the listener, in that order, and hands the control signals it decodes back.
 */
final class FeedDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(FeedDelivery.class);
    private static final int LOGGED_PROBLEMS = 20;
    /**
     * Frames waiting for decoding. Bounded in frames (an A.* frame can hold hundreds of bars): when full, the
     * socket thread waits, which pushes back on the server instead of filling the heap.
     */
    private static final int INBOUND_FRAMES = 4_096;

    /** Where decoded control signals go, tagged with the connection they came on (the control thread's job). */
    interface Signals {
        void handle(long connection, StreamProtocol.Signal signal);
    }

    private record Frame(long connection, String text) {
    }

    private static final Runnable END = () -> { };
    private static final Object TICK = new Object();

    private final StreamProtocol protocol;
    private final FeedListener listener;
    private final LongSupplier marketClock;
    private final Signals signals;
    private final Thread thread;
    private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>(INBOUND_FRAMES);
    private final Set<String> unknownKinds = ConcurrentHashMap.newKeySet();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    /** Frames that arrived after the feed stopped (delivery thread only). */
    private long late;
    private boolean receiving = true;
    private volatile long lastBarEnd;
    /** The connection a tick belongs to: whichever is current (set by the control thread). */
    private volatile long currentConnection;

    FeedDelivery(StreamProtocol protocol, FeedListener listener, LongSupplier marketClock, Signals signals,
                 ThreadFactory thread) {
        this.protocol = protocol;
        this.listener = listener;
        this.marketClock = marketClock;
        this.signals = signals;
        this.thread = thread.newThread(this::deliverLoop);
    }

    void start() {
        thread.start();
    }

    /** Socket thread: queues a frame of {@code connection}, waiting for room. */
    void frame(long connection, String text) {
        enqueue(new Frame(connection, text));
    }

    /** Queues work for the delivery thread, waiting for room (never dropping a frame or an event). */
    void enqueue(Runnable task) {
        enqueue((Object) task);
    }

    /** Asks for the bars a protocol holds back that are now due; skipped when the queue is full. */
    void tick() {
        inbound.offer(TICK);
    }

    /** Control thread: from now on ticks belong to {@code connection}. */
    void connectionChanged(long connection) {
        currentConnection = connection;
    }

    /**
     * Control thread, when a session ends: what the protocol still holds back of {@code connection} is delivered,
     * then {@code ended} runs, in one step. When {@code stopping}, frames queued after that step (the socket can
     * hand over a few after we said goodbye) are counted and not delivered: a bar after the end would be stored
     * outside every span, and one held back by the protocol would never be delivered.
     */
    void endSession(long connection, Runnable ended, boolean stopping) {
        enqueue(() -> {
            deliver(connection, protocol.drain());
            ended.run();
            receiving = !stopping;
        });
    }

    FeedStats stats(long reconnects) {
        long end = lastBarEnd;
        return new FeedStats(frames.get(), bars.get(), malformed.get(), unknown.get(), reconnects,
                end == 0 ? 0 : marketClock.getAsLong() - end);
    }

    /** Delivers everything queued so far, then ends the thread (waiting for it up to {@code millis}). */
    void stop(long millis) {
        enqueue(END);
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(Object item) {
        try {
            inbound.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverLoop() {
        while (true) {
            Object item;
            try {
                item = inbound.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == END) {
                if (late > 0) {
                    LOG.info("{} frames arrived after the feed was stopped; not delivered", late);
                }
                return;
            }
            try {
                if (!receiving && item instanceof Frame) {
                    late++; // a tick now finds nothing: the protocol was drained at the end
                } else if (item instanceof Frame frame) {
                    frames.incrementAndGet();
                    deliver(frame.connection(), protocol.decode(frame.text()));
                } else if (item == TICK) {
                    deliver(currentConnection, protocol.tick(marketClock.getAsLong()));
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
            signals.handle(connection, signal);
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

    private void noteUnknown(String kind) {
        unknown.incrementAndGet();
        if (unknownKinds.add(kind)) {
            LOG.info("Ignoring unknown {} (logged once)", kind);
        }
    }
}
