package dev.tapewatch.alert;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to their sinks in order, on one thread of its own, so the feed and the window never wait on a
 * receiver: {@link #offer} only queues (bounded; a full queue refuses the newest and says so in the log). A try
 * worth repeating (receiver down, 5xx) is repeated after 50 ms, doubling to at most 30 s, until it is delivered
 * or {@link #GIVE_UP_MS} old; the alerts behind it wait, so a receiver gets them in order. Every failure is logged.
 */
public final class AlertDelivery implements AutoCloseable {
    public static final int CAPACITY = 1_000;
    /** An alert still undelivered this long after it was queued is dropped (logged): it is no news any more. */
    static final long GIVE_UP_MS = 10 * 60_000;
    private static final long FIRST_RETRY_MS = 50;
    private static final long LONGEST_RETRY_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
    private static final Queued STOP = new Queued(null, 0);

    private record Queued(Alert alert, long queuedNanos) {
    }

    private final List<AlertSink> sinks;
    private final UnaryOperator<Alert> complete;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean closing;
    /** After this (System.nanoTime), a failed try is not repeated: set by close. */
    private volatile long stopBy = Long.MAX_VALUE;

    /**
     * {@code complete} fills in what is looked up off the feed's thread (the relative volume) before an alert is
     * delivered; {@code threads} makes the delivery thread.
     */
    public AlertDelivery(List<AlertSink> sinks, UnaryOperator<Alert> complete, ThreadFactory threads) {
        this.sinks = List.copyOf(sinks);
        this.complete = complete;
        this.thread = threads.newThread(this::run);
        thread.start();
    }

    /** Any thread, never waits: queues an alert, false when the queue is full (logged). */
    public boolean offer(Alert alert) {
        if (closing || !queue.offer(new Queued(alert, System.nanoTime()))) {
            refused.incrementAndGet();
            LOG.warn("Alert for {} not delivered: {} alerts are already waiting for {}", alert.symbol(), CAPACITY,
                    describe());
            return false;
        }
        return true;
    }

    /** Alerts delivered to every sink, given up on (at least one sink failed), refused (queue full). */
    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long refused() {
        return refused.get();
    }

    public String describe() {
        return String.join(" and ", sinks.stream().map(AlertSink::describe).toList());
    }

    private void run() {
        sinks.forEach(AlertSink::warmUp);
        try {
            while (true) {
                Queued next = queue.take();
                if (next == STOP) {
                    return;
                }
                if (System.nanoTime() > stopBy) {
                    failed.incrementAndGet();
                    LOG.warn("Alert for {} at {} not delivered to {}: stopped before it could be",
                            next.alert().symbol(), AlertJson.iso(next.alert().time()), describe());
                    continue;
                }
                Alert alert = complete.apply(next.alert());
                boolean all = true;
                for (AlertSink sink : sinks) {
                    all &= deliver(sink, alert, next.queuedNanos());
                }
                (all ? delivered : failed).incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean deliver(AlertSink sink, Alert alert, long queuedNanos) throws InterruptedException {
        long wait = FIRST_RETRY_MS;
        for (int attempt = 1; ; attempt++) {
            AlertSink.Outcome outcome = sink.deliver(alert);
            if (outcome.delivered()) {
                if (attempt > 1) {
                    LOG.info("Alert for {} delivered to {} at attempt {}", alert.symbol(), sink.describe(), attempt);
                }
                return true;
            }
            long age = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queuedNanos);
            boolean again = outcome.retry() && age + wait < GIVE_UP_MS && System.nanoTime() + wait * 1_000_000 < stopBy;
            LOG.warn("Alert for {} at {} not delivered to {}: {}{}", alert.symbol(), AlertJson.iso(alert.time()),
                    sink.describe(), outcome.problem(), again ? "; trying again in " + wait + " ms"
                            : outcome.retry() ? "; giving up" : "");
            if (!again) {
                return false;
            }
            synchronized (this) {
                long left = (stopBy - System.nanoTime()) / 1_000_000;
                wait(Math.max(1, Math.min(wait, left))); // woken early by close: tried once more, then given up
            }
            wait = Math.min(wait * 2, LONGEST_RETRY_MS);
        }
    }

    /**
     * Delivers what is queued, waiting up to {@code grace} for it (retries included), then stops; what is left is
     * logged as not delivered.
     */
    public void close(java.time.Duration grace) throws InterruptedException {
        closing = true;
        queue.put(STOP);
        synchronized (this) {
            stopBy = System.nanoTime() + grace.toNanos();
            notifyAll();
        }
        // not interrupted: it may be reading the database (relative volume); a try in flight ends by its timeout
        thread.join(grace.toMillis() + 12_000);
    }

    @Override
    public void close() throws InterruptedException {
        close(java.time.Duration.ofSeconds(5));
    }
}
