package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder's one path to the database. Bars, coverage events and closed spikes are queued from any thread (bounded:
 * a full queue makes the caller wait, it never drops) and written, in order, on the writer's own thread:
 * a batch is one durable transaction ({@link BarStore#writeDurably}), written when full or
 * {@link #FLUSH_INTERVAL_MS} after the previous one ({@link WriteBatch}: what a batch holds and writes, coverage
 * included). Only then are its bars counted as {@link WriterStats#written()}.
 * <p>
 * A failed batch is kept and retried (re-opening the database if H2 closed it) until it is written; while it
 * fails, {@link WriterStats#problem()} says why. Only when closing does a batch that still fails after
 * {@link #CLOSING_ATTEMPTS} attempts get abandoned: its bars are counted as {@link WriterStats#unstored()} and no
 * span claims them. A database server out of reach (restarting) is waited for, loudly, up to {@link #CLOSING_WAIT_MS}.
 */
public final class BarWriter implements AutoCloseable {
    public static final long FLUSH_INTERVAL_MS = 200;
    public static final int CLOSING_ATTEMPTS = 3;
    /** How long a closing writer waits for a database server that is out of reach (a restart) to come back. */
    public static final long CLOSING_WAIT_MS = 10 * 60_000L;
    private static final long CLOSING_WAIT_REPORT_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(BarWriter.class);
    private static final long MAX_RETRY_DELAY_MS = 5_000;
    private static final long CLOSING_RETRY_DELAY_MS = 100;

    /** Why writes are failing now, since when (epoch ms), and how many attempts failed so far. */
    public record Problem(String message, long since, long failedAttempts) {
    }

    private static final Object FLUSH = new Object();

    private final BarStore store;
    private final BlockingQueue<Object> queue;
    private final int batchSize;
    private final Thread thread;
    private final Object progress = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unstored = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile Problem problem;
    private volatile Consumer<List<Bar>> onStored = batch -> { };
    private volatile boolean closing;

    /** Owned by the writer thread. */
    private final WriteBatch batch = new WriteBatch();

    /** {@code threads} makes the writer's thread (the app owns thread creation: {@code Threads::named}). */
    public BarWriter(BarStore store, Function<String, ThreadFactory> threads) {
        this(store, 200_000, 50_000, threads);
    }

    public BarWriter(BarStore store, int queueCapacity, int batchSize, Function<String, ThreadFactory> threads) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.thread = threads.apply("bar-writer").newThread(this::run);
        thread.start();
    }

    /** Called on the writer thread with each batch once it is on disk (its bars in arrival order). */
    public void onStored(Consumer<List<Bar>> listener) {
        this.onStored = listener;
    }

    /** Queues a bar, waiting as long as it takes for room (backpressure to the caller). */
    public void put(Bar bar) throws InterruptedException {
        enqueue(bar);
        accepted.incrementAndGet();
    }

    /** From here on the bars belong to a streaming session for these symbols that began at {@code time}. */
    public void sessionStarted(Collection<String> symbols, long time) throws InterruptedException {
        enqueue(new WriteBatch.SessionStart(symbols.stream().sorted().toList(), time));
    }

    /** The current session ended; its span is closed with this reason at its last stored bar. */
    public void sessionEnded(String reason) throws InterruptedException {
        enqueue(new WriteBatch.SessionEnd(reason));
    }

    /** Deletes the stored bar of a second, in order with the bars around it. */
    public void remove(String symbol, long start) throws InterruptedException {
        enqueue(new WriteBatch.Removal(symbol, start, -1));
    }

    /** Stores a spike as it closed, in order with the bars around it. */
    public void spike(Spike spike) throws InterruptedException {
        enqueue(new WriteBatch.SpikeClosed(spike));
    }

    /** Records [start, end) as covered for these symbols once every bar queued before is stored. */
    public void covered(Collection<String> symbols, long start, long end, String reason) throws InterruptedException {
        enqueue(new WriteBatch.Claim(List.copyOf(symbols), start, end, reason));
    }

    private void enqueue(Object item) throws InterruptedException {
        if (closing) {
            throw new IllegalStateException("the bar writer is closed");
        }
        queue.put(item);
    }

    /** Blocks until every bar accepted before this call is stored, or abandoned at close. */
    public void flush() throws InterruptedException {
        long target = accepted.get();
        if (!closing) {
            queue.put(FLUSH);
        }
        synchronized (progress) {
            while (written.get() + unstored.get() < target && thread.isAlive()) {
                progress.wait(50);
            }
        }
    }

    /** Stores everything queued (or abandons what still fails after a few attempts), then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.join();
    }

    /** The counters now. */
    public WriterStats stats() {
        return new WriterStats(accepted.get(), written.get(), unstored.get(), failedAttempts.get(), problem);
    }

    // ---- writer thread ----

    private void run() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS);
        boolean flushNow = false;
        while (true) {
            Object item;
            try {
                long waitNanos = deadline - System.nanoTime();
                item = batch.barCount() < batchSize && waitNanos > 0 && !closing && !flushNow
                        ? queue.poll(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS)
                        : queue.poll();
            } catch (InterruptedException e) {
                closing = true; // nobody should interrupt the writer; if someone does, store what we hold and stop
                continue;
            }
            if (item == FLUSH) {
                flushNow = true;
            } else if (item != null) {
                batch.take(item);
                if (batch.barCount() < batchSize) {
                    continue;
                }
            }
            boolean due = System.nanoTime() >= deadline || flushNow || closing;
            if (batch.barCount() >= batchSize || (due && batch.hasWork())) {
                write();
                flushNow = false;
                deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS);
            } else if (due) {
                flushNow = false;
                deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS);
                if (closing && queue.isEmpty()) {
                    break;
                }
            }
        }
        notifyProgress();
    }

    private void write() {
        long delay = FLUSH_INTERVAL_MS;
        int attemptsWhileClosing = 0;
        long waitingSince = -1;
        long reported = -1;
        while (true) {
            try {
                store.writeDurably("store bars in", writes -> {
                    batch.writeTo(writes);
                    return null;
                });
                committed();
                break;
            } catch (StoreException e) {
                long failures = failedAttempts.incrementAndGet();
                Problem previous = problem;
                problem = new Problem(e.getMessage(), previous == null ? System.currentTimeMillis() : previous.since(),
                        previous == null ? 1 : previous.failedAttempts() + 1);
                if (previous == null || failures % 20 == 0) {
                    LOG.warn("{} ({} bars waiting; retrying)", e.getMessage(), stats().pending());
                }
                boolean waitForServer = false;
                if (closing && ++attemptsWhileClosing >= CLOSING_ATTEMPTS) {
                    long now = System.currentTimeMillis();
                    waitingSince = waitingSince < 0 ? now : waitingSince;
                    waitForServer = StoreErrors.unreachable(e) && now - waitingSince < CLOSING_WAIT_MS;
                    if (!waitForServer) {
                        abandon(e);
                        break;
                    }
                    if (reported < 0 || now - reported >= CLOSING_WAIT_REPORT_MS) {
                        reported = now;
                        LOG.warn("Stopping: waiting for the database to store {} bars (for {} s so far, at most {}"
                                + " min): {} Stop again to give them up (they are then lost).", stats().pending(),
                                (now - waitingSince) / 1000, CLOSING_WAIT_MS / 60_000, e.getMessage());
                    }
                }
                pause(waitForServer ? 1_000 : closing ? CLOSING_RETRY_DELAY_MS : delay);
                delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
                try {
                    store.recover();
                } catch (StoreException stillFailing) {
                    LOG.debug("database not back yet: {}", stillFailing.getMessage());
                }
            }
        }
        notifyProgress();
    }

    private void committed() {
        List<Bar> stored = batch.committed();
        written.addAndGet(stored.size());
        onStored.accept(stored);
        if (problem != null) {
            LOG.info("Storing again after {} failed attempts; nothing was lost", problem.failedAttempts());
            problem = null;
        }
    }

    /** Gives the batch up: its bars count as unstored, and no span claims them. */
    private void abandon(StoreException cause) {
        int lost = batch.abandon();
        unstored.addAndGet(lost);
        LOG.error("Could not store {} bars: {}", lost, cause.getMessage());
    }

    private void notifyProgress() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
