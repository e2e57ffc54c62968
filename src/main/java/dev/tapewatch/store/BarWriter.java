package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
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
 * {@link #FLUSH_INTERVAL_MS} after the previous one. Only then are its bars counted as {@link #written()}.
 * <p>
 * Coverage follows what is stored, not the clock: a session's span is written in the same transaction as its
 * bars and ends at the end of its last stored bar; a session that stored no bar leaves no span.
 * <p>
 * A failed batch is kept and retried (re-opening the database if H2 closed it) until it is written; while it
 * fails, {@link #problem()} says why. Only when closing does a batch that still fails after
 * {@link #CLOSING_ATTEMPTS} attempts get abandoned: its bars are counted as {@link #unstored()} and no span
 * claims them. A database server out of reach (restarting) is waited for, loudly, up to {@link #CLOSING_WAIT_MS}.
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

    private record SessionStart(List<String> symbols, long time) {
    }

    private record SessionEnd(String reason) {
    }

    private record SpikeClosed(Spike spike) {
    }

    private record Claim(List<String> symbols, long start, long end, String reason) {
    }

    /** A frame's bars queued as one element; they hold as many of {@link #room}'s permits until taken. */
    private record Bars(List<Bar> bars, int permits) {
    }

    /** The bar of this second must go (no trade of it is left); {@code at} is its place among the batch's bars. */
    private record Removal(String symbol, long start, int at) {
    }

    private static final Object FLUSH = new Object();
    private static final String SYMBOLS_CHANGED = "symbols changed";

    /** A coverage span as the writer builds it; {@code committed*} is what the database holds. */
    private static final class Span {
        final List<String> symbols;
        long start;
        long end;
        String reason;
        long id = -1;
        long committedEnd;
        long pendingId = -1;

        Span(List<String> symbols, long start) {
            this.symbols = symbols;
            this.start = start;
            this.end = start;
            this.committedEnd = start;
        }

        boolean hasBars() {
            return end > start || id >= 0;
        }
    }

    private final BarStore store;
    private final BlockingQueue<Object> queue;
    /** Bounds the bars queued by {@link #putAll} as the queue's capacity bounds those queued one by one. */
    private final Semaphore room;
    private final int queueCapacity;
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

    // Owned by the writer thread.
    private final List<Bar> bars = new ArrayList<>();
    private final Set<Span> touched = new LinkedHashSet<>();
    private final List<Claim> claims = new ArrayList<>();
    private final List<Spike> spikes = new ArrayList<>();
    private final List<Removal> removals = new ArrayList<>();
    private Span current;
    /** The span ended last, while the next has not started (writer thread). */
    private Span lastEnded;
    private List<String> lostSessionSymbols;

    /** {@code threads} makes the writer's thread (the app owns thread creation: {@code Threads::named}). */
    public BarWriter(BarStore store, Function<String, ThreadFactory> threads) {
        this(store, 200_000, 50_000, threads);
    }

    public BarWriter(BarStore store, int queueCapacity, int batchSize, Function<String, ThreadFactory> threads) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.room = new Semaphore(queueCapacity);
        this.queueCapacity = queueCapacity;
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

    /**
     * Queues a frame's bars in order as one element (one hand-over for the lot, not one per bar), waiting as long
     * as it takes for room, as {@link #put} does.
     */
    public void putAll(List<Bar> frame) throws InterruptedException {
        if (frame.isEmpty()) {
            return;
        }
        List<Bar> bars = List.copyOf(frame);
        int permits = Math.min(bars.size(), queueCapacity);
        room.acquire(permits);
        try {
            enqueue(new Bars(bars, permits));
        } catch (RuntimeException | InterruptedException e) {
            room.release(permits);
            throw e;
        }
        accepted.addAndGet(bars.size());
    }

    /** From here on the bars belong to a streaming session for these symbols that began at {@code time}. */
    public void sessionStarted(Collection<String> symbols, long time) throws InterruptedException {
        enqueue(new SessionStart(symbols.stream().sorted().toList(), time));
    }

    /** The current session ended; its span is closed with this reason at its last stored bar. */
    public void sessionEnded(String reason) throws InterruptedException {
        enqueue(new SessionEnd(reason));
    }

    /** Deletes the stored bar of a second, in order with the bars around it. */
    public void remove(String symbol, long start) throws InterruptedException {
        enqueue(new Removal(symbol, start, -1));
    }

    /** Stores a spike as it closed, in order with the bars around it. */
    public void spike(Spike spike) throws InterruptedException {
        enqueue(new SpikeClosed(spike));
    }

    /** Records [start, end) as covered for these symbols once every bar queued before is stored. */
    public void covered(Collection<String> symbols, long start, long end, String reason) throws InterruptedException {
        enqueue(new Claim(List.copyOf(symbols), start, end, reason));
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

    public long accepted() {
        return accepted.get();
    }

    /** Bars committed and on disk. */
    public long written() {
        return written.get();
    }

    /** Bars given up on at close because the database kept failing. */
    public long unstored() {
        return unstored.get();
    }

    /** Accepted bars neither stored nor given up yet. */
    public long pending() {
        return accepted.get() - written.get() - unstored.get();
    }

    /** Write attempts that failed since start (each was retried, or its batch abandoned at close). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Why writing is failing right now; null while writes succeed. */
    public Problem problem() {
        return problem;
    }

    // ---- writer thread ----

    private void run() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS);
        boolean flushNow = false;
        while (true) {
            Object item;
            try {
                long waitNanos = deadline - System.nanoTime();
                item = bars.size() < batchSize && waitNanos > 0 && !closing && !flushNow
                        ? queue.poll(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS)
                        : queue.poll();
            } catch (InterruptedException e) {
                closing = true; // nobody should interrupt the writer; if someone does, store what we hold and stop
                continue;
            }
            if (item == FLUSH) {
                flushNow = true;
            } else if (item != null) {
                take(item);
                if (bars.size() < batchSize) {
                    continue;
                }
            }
            boolean due = System.nanoTime() >= deadline || flushNow || closing;
            if (bars.size() >= batchSize || (due && hasWork())) {
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

    private boolean hasWork() {
        return !bars.isEmpty() || !claims.isEmpty() || !spikes.isEmpty() || !removals.isEmpty()
                || touched.stream().anyMatch(Span::hasBars);
    }

    private void take(Object item) {
        if (item instanceof Bar bar) {
            take(bar);
        } else if (item instanceof Bars frame) {
            room.release(frame.permits());
            for (Bar bar : frame.bars()) {
                take(bar);
            }
        } else if (item instanceof SessionStart start) {
            endCurrent(SYMBOLS_CHANGED);
            lostSessionSymbols = null;
            if (lastEnded != null && SYMBOLS_CHANGED.equals(lastEnded.reason) && lastEnded.hasBars()
                    && lastEnded.end < start.time()) {
                // The connection stayed up through a watchlist change: the old symbols were covered until the
                // new subscription, not only until their last bar (a quiet spell is not a gap in the recording).
                lastEnded.end = start.time();
                touched.add(lastEnded);
            }
            lastEnded = null;
            current = new Span(start.symbols(), start.time());
        } else if (item instanceof SessionEnd end) {
            endCurrent(end.reason());
            lostSessionSymbols = null;
        } else if (item instanceof Claim claim) {
            claims.add(claim);
        } else if (item instanceof SpikeClosed closed) {
            spikes.add(closed.spike());
        } else if (item instanceof Removal removal) {
            removals.add(new Removal(removal.symbol(), removal.start(), bars.size()));
        }
    }

    private void take(Bar bar) {
        bars.add(bar);
        if (current == null && lostSessionSymbols != null) {
            current = new Span(lostSessionSymbols, bar.start());
            lostSessionSymbols = null;
        }
        if (current != null) {
            if (current.id < 0 && current.end == current.start && bar.start() < current.start) {
                // The first bar predates the subscription (a replay, or clocks apart): the span starts with it.
                current.start = bar.start();
                current.end = current.start;
                current.committedEnd = current.start;
            }
            current.end = Math.max(current.end, bar.end());
            touched.add(current);
        }
    }

    private void endCurrent(String reason) {
        if (current != null) {
            current.reason = reason;
            touched.add(current);
            lastEnded = current;
            current = null;
        }
    }

    private void write() {
        List<Bar> batch = new ArrayList<>(bars);
        List<Removal> deletions = new ArrayList<>(removals);
        long delay = FLUSH_INTERVAL_MS;
        int attemptsWhileClosing = 0;
        long waitingSince = -1;
        long reported = -1;
        while (true) {
            try {
                store.writeDurably("store bars in", writes -> {
                    int done = 0;
                    for (Removal removal : deletions) {
                        writes.upsert(batch.subList(done, removal.at()));
                        writes.delete(removal.symbol(), removal.start());
                        done = removal.at();
                    }
                    writes.upsert(batch.subList(done, batch.size()));
                    for (Span span : touched) {
                        if (!span.hasBars()) {
                            continue;
                        }
                        if (span.id < 0) {
                            span.pendingId = writes.insertCoverage(span.symbols, span.start, span.end, span.reason);
                        } else {
                            writes.updateCoverage(span.id, span.end, span.reason);
                        }
                    }
                    for (Claim claim : claims) {
                        writes.insertCoverage(claim.symbols(), claim.start(), claim.end(), claim.reason());
                    }
                    writes.saveSpikes(spikes);
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
                    LOG.warn("{} ({} bars waiting; retrying)", e.getMessage(), pending());
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
                                + " min): {} Stop again to give them up (they are then lost).", pending(),
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
        for (Span span : touched) {
            if (span.pendingId >= 0) {
                span.id = span.pendingId;
                span.pendingId = -1;
            }
            span.committedEnd = span.end;
        }
        written.addAndGet(bars.size());
        onStored.accept(List.copyOf(bars));
        if (problem != null) {
            LOG.info("Storing again after {} failed attempts; nothing was lost", problem.failedAttempts());
            problem = null;
        }
        clearBatch();
    }

    /** Gives the batch up: its bars count as unstored, and no span claims them. */
    private void abandon(StoreException cause) {
        unstored.addAndGet(bars.size());
        LOG.error("Could not store {} bars: {}", bars.size(), cause.getMessage());
        for (Span span : touched) {
            span.pendingId = -1;
            span.end = span.committedEnd;
        }
        if (current != null) {
            // Later bars of this session start a new span: this one must not stretch across the lost bars.
            lostSessionSymbols = current.symbols;
            current = null;
        }
        clearBatch();
    }

    private void clearBatch() {
        bars.clear();
        claims.clear();
        spikes.clear();
        removals.clear();
        touched.clear();
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
