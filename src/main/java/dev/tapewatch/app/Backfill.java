package dev.tapewatch.app;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.feed.RestException;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.CoverageSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills from the provider's REST history what the stream did not deliver: the day so far when a symbol is
 * first subscribed (from its last stored bar, or the start of the day), and after every reconnect the span
 * from the symbol's last streamed bar (minus {@link #MARGIN_MILLIS}) to its first new bar. The bars go through
 * the recorder's writer (so they are stored like any other) followed by a "backfilled" coverage span.
 * <p>
 * The feed's delivery thread only notes what is missing; fetching runs on this class's own thread, one
 * request after the other, so a slow REST server never holds up the live stream.
 */
public final class Backfill implements FeedListener, AutoCloseable {
    /** Late trades revise the last seconds before a drop: fetch those again too. */
    public static final long MARGIN_MILLIS = 15_000;
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final SecondHistory rest;
    private final BarStore store;
    private final BarWriter writer;
    private final ExecutorService fetcher;
    private final List<Consumer<List<Bar>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong queuedJobs = new AtomicLong();
    /** Symbols whose day so far waits for their first streamed bar, then is fetched up to it (read from any thread). */
    private final Set<String> awaitingDays = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> fetchingDays = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private volatile boolean keyRefused;

    // Owned by the feed's delivery thread.
    private final Map<String, Long> lastStreamed = new HashMap<>();
    private final Map<String, Long> missingFrom = new HashMap<>();
    private Set<String> sessionSymbols = Set.of();

    public Backfill(SecondHistory rest, BarStore store, BarWriter writer, ExecutorService fetcher) {
        this.rest = rest;
        this.store = store;
        this.writer = writer;
        this.fetcher = fetcher;
    }

    /** Called on the fetch thread with each page of bars once queued for storing (e.g. to show them). */
    public void onFetched(Consumer<List<Bar>> listener) {
        listeners.add(listener);
    }

    /** Bars fetched and queued for storing so far (stored counts are the writer's). */
    public long fetched() {
        return fetched.get();
    }

    /** Whether the symbol's day so far is queued or being fetched (any thread). */
    public boolean fetchingDayOf(String symbol) {
        return fetchingDays.contains(symbol);
    }

    /** Whether the symbol's day so far is still to fetch once its first bar streams in (any thread). */
    public boolean awaitingDayOf(String symbol) {
        return awaitingDays.contains(symbol);
    }

    /** Whether no fetch is queued or running. */
    public boolean idle() {
        return queuedJobs.get() == 0;
    }

    @Override
    public void sessionStarted(Set<String> symbols, long time) {
        sessionSymbols = symbols;
        for (String symbol : symbols) {
            if (!symbol.equals(CoverageSpan.ALL_SYMBOLS) && !lastStreamed.containsKey(symbol)) {
                missingFrom.putIfAbsent(symbol, Long.MIN_VALUE); // the day so far: looked up when fetching
                if (missingFrom.get(symbol) == Long.MIN_VALUE && !keyRefused && !closing) {
                    awaitingDays.add(symbol);
                }
            }
        }
    }

    @Override
    public void sessionEnded(long time, String reason) {
        if (reason == null || !reason.startsWith("disconnected")) {
            return;
        }
        Iterable<String> symbols = sessionSymbols.contains(CoverageSpan.ALL_SYMBOLS) ? lastStreamed.keySet()
                : sessionSymbols;
        for (String symbol : symbols) {
            Long last = lastStreamed.get(symbol);
            missingFrom.putIfAbsent(symbol, last == null ? Long.MIN_VALUE : last - MARGIN_MILLIS);
        }
    }

    @Override
    public void bars(List<Bar> bars) {
        for (Bar bar : bars) {
            Long from = missingFrom.isEmpty() ? null : missingFrom.remove(bar.symbol());
            if (from != null) {
                awaitingDays.remove(bar.symbol());
                schedule(bar.symbol(), from, bar.start());
            }
            lastStreamed.merge(bar.symbol(), bar.end(), Math::max);
        }
    }

    private void schedule(String symbol, long from, long to) {
        if (keyRefused || closing) {
            return;
        }
        queuedJobs.incrementAndGet();
        boolean daySoFar = from == Long.MIN_VALUE;
        if (daySoFar) {
            fetchingDays.add(symbol);
        }
        fetcher.execute(() -> {
            try {
                if (closing) {
                    return;
                }
                fill(symbol, daySoFar ? dayStartFor(symbol, to) : from, to);
            } finally {
                if (daySoFar) {
                    fetchingDays.remove(symbol);
                }
                queuedJobs.decrementAndGet();
            }
        });
    }

    /** Where the day so far starts: the last stored bar (minus the margin), else midnight, exchange time. */
    private long dayStartFor(String symbol, long to) {
        long midnight = ExchangeTime.startOfDay(ExchangeTime.dayOf(to - 1));
        List<Bar> stored = store.lastBars(symbol, midnight, to, 1);
        return stored.isEmpty() ? midnight : Math.max(midnight, stored.get(0).end() - MARGIN_MILLIS);
    }

    private void fill(String symbol, long from, long to) {
        if (from >= to || keyRefused) {
            return;
        }
        try {
            long count = rest.secondBars(symbol, from, to, page -> {
                for (Bar bar : page) {
                    Queueing.queue("backfilled bars", () -> writer.put(bar));
                }
                fetched.addAndGet(page.size());
                listeners.forEach(listener -> listener.accept(page));
            }, () -> closing);
            if (closing) {
                LOG.info("Backfill of {} stopped; the gap from {} ET stays open (audit --fix fills it later)", symbol,
                        ExchangeTime.localDateTime(from));
                return;
            }
            Queueing.queue("backfilled bars", () -> writer.covered(List.of(symbol), from, to, CoverageSpan.BACKFILLED));
            LOG.info("Fetched {} bars of {} from {} to {} ET; queued for storing", count, symbol,
                    ExchangeTime.localDateTime(from), ExchangeTime.localDateTime(to));
        } catch (RestException e) {
            if (e.keyRefused()) {
                keyRefused = true;
            }
            LOG.warn("Could not backfill {} from {} to {} ET: {}", symbol, ExchangeTime.localDateTime(from),
                    ExchangeTime.localDateTime(to), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Could not backfill {}: {}", symbol, e.toString());
        }
    }

    /**
     * Stops fetching: the page being read is still stored, the rest of the queued gaps stay open in coverage
     * (a stop must not wait on a slow or unreachable REST server). Call after the feed stopped.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        fetcher.shutdown();
        if (!fetcher.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("Backfill did not stop within {} s", CLOSE_WAIT_SECONDS);
        }
    }
}
