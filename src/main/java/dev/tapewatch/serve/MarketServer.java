package dev.tapewatch.serve;

import dev.tapewatch.sim.SimClock;
import dev.tapewatch.sim.SimulatorSettings;
import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A market served the way Polygon serves its stocks cluster (websocket {@code /stocks} with {@code A} events, one
 * array frame per market second, and REST second aggregates for backfill), or Alpaca its trades. The bars are
 * pulled from a {@link PulledSource} (the simulated market, or a stored day) at the pace of a {@link SimClock}, on
 * the server's one ticker thread. Listens on 127.0.0.1 only.
 */
public final class MarketServer extends DialectServer {
    private final PulledSource source;
    private final SimClock clock;
    /** Speed 0 (as fast as the clients read) or not: a clock's pace can change but never to or from 0. */
    private final boolean paced;
    private final Thread ticker;
    private volatile boolean running = true;
    private volatile boolean ended;

    private MarketServer(ServerSettings settings, PulledSource source, SimClock clock,
                         Function<String, ThreadFactory> threads) throws IOException {
        super(settings, source, clock::now, threads);
        this.source = source;
        this.clock = clock;
        this.paced = clock.speed() > 0;
        this.ticker = threads.apply("market-ticker").newThread(this::tickLoop);
        ticker.start();
    }

    /**
     * Serves the simulated market of {@code simulation}. {@code threads} makes the server's threads (the app owns
     * thread creation: {@code Threads::named}).
     */
    public static MarketServer simulate(ServerSettings settings, SimulatorSettings simulation,
                                        Function<String, ThreadFactory> threads) throws IOException {
        return new MarketServer(settings, SimulatedSource.of(simulation), simulation.clock(), threads);
    }

    /** Serves bars from {@code source} at the pace of {@code clock}, from its start. */
    public static MarketServer start(ServerSettings settings, PulledSource source, SimClock clock,
                                     Function<String, ThreadFactory> threads) throws IOException {
        return new MarketServer(settings, source, clock, threads);
    }

    /** Whether the source has no more seconds to serve (a replayed day that is over). */
    public boolean ended() {
        return ended;
    }

    /** Connected clients (open websocket sessions). */
    int connected() {
        return clients().count();
    }

    public SimClock clock() {
        return clock;
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
        super.close();
    }

    private void tickLoop() {
        if (source.waitsForFirstClient()) {
            while (running && !clients().anySubscriber()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            clock.restart();
        }
        long second = Math.floorDiv(clock.now(), 1000) * 1000;
        while (running) {
            if (paced) {
                long due = clock.realNanosAt(second + 1000);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    // in short steps: a replay's pause, resume or new speed moves the due time
                    LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(20)));
                    continue;
                }
            } else if (!clients().anySubscriber()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                continue;
            } else if (clients().waitForClients()) {
                continue;
            }
            clients().emit(second, source);
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
}
