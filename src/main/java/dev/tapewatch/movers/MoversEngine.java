package dev.tapewatch.movers;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Every symbol received, judged each second: a symbol enters the movers list the second its spike (the same
 * detector as everywhere, {@link SpikeDetector#openSpike}) reaches the filter, and leaves {@code holdSeconds} of
 * market time after its last flagged second. Per symbol it keeps a detector and a five-minute trail
 * ({@link SymbolTrail}), never a day's series. Bars come from one thread (the feed's); the list, the log and the
 * filter may be read and set from any thread. Listeners are called on the feed's thread and must not block.
 */
public final class MoversEngine {
    /** How long a mover stays listed after its last flagged second, by default (market time). */
    public static final int DEFAULT_HOLD_SECONDS = 120;
    private static final int LOG_SIZE = 500;

    private final DetectorSettings detector;
    private final int holdSeconds;
    private final LongSupplier wallClock;
    private final Map<String, Symbol> symbols = new HashMap<>();
    private final Map<String, Symbol> listed = new HashMap<>();
    private final Map<String, Double> previousCloses = new HashMap<>();
    private final ArrayDeque<MoverLog> log = new ArrayDeque<>();
    private final List<Consumer<Mover>> entered = new CopyOnWriteArrayList<>();
    private final List<Consumer<MoverLog>> logged = new CopyOnWriteArrayList<>();
    private MoverFilter filter;
    private volatile MoverFilter requested;
    private long nowSecond = Long.MIN_VALUE;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), Long.MIN_VALUE);

    /** The list and the log as they stood after a frame: what a window reads without waiting on the engine. */
    public record Snapshot(List<Mover> movers, List<MoverLog> log, long marketMs) {
    }

    public MoversEngine(DetectorSettings detector, MoverFilter filter, int holdSeconds, LongSupplier wallClock) {
        if (holdSeconds < 1) {
            throw new IllegalArgumentException("a mover is held at least 1 s, was " + holdSeconds);
        }
        this.detector = detector;
        this.filter = filter;
        this.holdSeconds = holdSeconds;
        this.wallClock = wallClock;
    }

    public MoversEngine(DetectorSettings detector, MoverFilter filter) {
        this(detector, filter, DEFAULT_HOLD_SECONDS, System::currentTimeMillis);
    }

    /** Called with each mover as it enters the list (after it passed the filter), on the feed's thread. */
    public void onEntered(Consumer<Mover> listener) {
        entered.add(listener);
    }

    /** Called with each line of the entered / left log, on the feed's thread. */
    public void onLog(Consumer<MoverLog> listener) {
        logged.add(listener);
    }

    /** The bars of one frame, in time order per symbol. */
    public synchronized void accept(List<Bar> bars) {
        MoverFilter asked = requested;
        if (asked != null) {
            requested = null;
            filter(asked);
        }
        long latest = nowSecond;
        for (Bar bar : bars) {
            Symbol symbol = symbols.computeIfAbsent(bar.symbol(), Symbol::new);
            symbol.add(bar);
            latest = Math.max(latest, Math.floorDiv(bar.start(), 1000));
        }
        nowSecond = latest;
        for (Bar bar : bars) {
            Symbol symbol = symbols.get(bar.symbol());
            if (symbol.spike != null && !listed.containsKey(symbol.name) && !stale(symbol)
                    && filter.accepts(symbol.mover())) {
                enter(symbol);
            }
        }
        expire();
        snapshot = new Snapshot(movers(), log(), now());
    }

    /** The list and the log after the latest frame; never waits (safe from a UI thread). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Sets the filter without waiting: it applies from the next frame (for a UI thread). */
    public void requestFilter(MoverFilter value) {
        requested = value;
    }

    /** Sets what is listed: those it no longer accepts leave, those it now accepts enter. */
    public synchronized void filter(MoverFilter value) {
        filter = value;
        for (Symbol symbol : List.copyOf(listed.values())) {
            if (!filter.accepts(symbol.mover())) {
                leave(symbol);
            }
        }
        for (Symbol symbol : symbols.values()) {
            if (symbol.spike != null && !listed.containsKey(symbol.name) && !stale(symbol)
                    && filter.accepts(symbol.mover())) {
                enter(symbol);
            }
        }
    }

    public synchronized MoverFilter filter() {
        return filter;
    }

    /** The previous session's close of a symbol, for its change since then (looked up elsewhere). */
    public synchronized void previousClose(String symbol, double close) {
        previousCloses.put(symbol, close);
    }

    /** The movers now, highest score first (ties: the later start first). */
    public synchronized List<Mover> movers() {
        List<Mover> movers = new ArrayList<>(listed.size());
        for (Symbol symbol : listed.values()) {
            movers.add(symbol.mover());
        }
        movers.sort(Comparator.comparingDouble(Mover::score).reversed()
                .thenComparing(Comparator.comparingLong(Mover::startMs).reversed()));
        return movers;
    }

    /** The entered / left log, oldest first (the last {@value #LOG_SIZE} lines). */
    public synchronized List<MoverLog> log() {
        return List.copyOf(log);
    }

    /** How many symbols are followed (each with its bounded trail). */
    public synchronized int symbols() {
        return symbols.size();
    }

    /** The latest second of any bar received (epoch ms), or {@link Long#MIN_VALUE} before the first. */
    public synchronized long now() {
        return nowSecond == Long.MIN_VALUE ? Long.MIN_VALUE : nowSecond * 1000;
    }

    /** Closes open spikes and empties the list (end of the session). */
    public synchronized void finish() {
        symbols.values().forEach(symbol -> symbol.detector.finish());
        List.copyOf(listed.values()).forEach(this::leave);
    }

    private void expire() {
        if (listed.isEmpty()) {
            return;
        }
        for (Symbol symbol : List.copyOf(listed.values())) {
            if (stale(symbol)) {
                leave(symbol);
            }
        }
    }

    private boolean stale(Symbol symbol) {
        return symbol.spike == null || nowSecond * 1000 - symbol.spike.end() >= holdSeconds * 1000L;
    }

    private void enter(Symbol symbol) {
        symbol.enteredMarketMs = nowSecond * 1000;
        symbol.enteredWallMs = wallClock.getAsLong();
        listed.put(symbol.name, symbol);
        Mover mover = symbol.mover();
        record(new MoverLog(symbol.enteredMarketMs, symbol.enteredWallMs, symbol.name, true, mover.kind(),
                mover.score(), mover.price()));
        entered.forEach(listener -> listener.accept(mover));
    }

    private void leave(Symbol symbol) {
        Mover mover = symbol.mover();
        listed.remove(symbol.name);
        record(new MoverLog(nowSecond * 1000, wallClock.getAsLong(), symbol.name, false, mover.kind(), mover.score(),
                mover.price()));
    }

    private void record(MoverLog line) {
        if (log.size() == LOG_SIZE) {
            log.removeFirst();
        }
        log.addLast(line);
        logged.forEach(listener -> listener.accept(line));
    }

    /** One symbol: its detector, its trail and its latest spike (open or closed). */
    private final class Symbol {
        final String name;
        final SymbolTrail trail = new SymbolTrail();
        final SpikeDetector detector;
        Spike spike;
        double closeBeforeSpike = Double.NaN;
        long enteredMarketMs;
        long enteredWallMs;

        Symbol(String name) {
            this.name = name;
            this.detector = new SpikeDetector(name, MoversEngine.this.detector, this::closed);
        }

        void add(Bar bar) {
            double before = trail.lastClose();
            detector.accept(bar);
            trail.add(bar);
            Spike open = detector.openSpike();
            if (open != null) {
                if (spike == null || open.start() != spike.start()) {
                    if (listed.containsKey(name)) {
                        leave(this); // a new spike of a listed symbol enters again, as itself
                    }
                    closeBeforeSpike = Double.isNaN(before) ? bar.open() : before;
                }
                spike = open;
            }
        }

        void closed(Spike closed) {
            if (spike != null && closed.start() == spike.start()) {
                spike = closed;
            }
        }

        Mover mover() {
            long now = Math.max(nowSecond, 0);
            double price = trail.lastClose();
            return new Mover(name, spike.label(), spike.peakScore(), spike.start(), spike.volumeMultiple(), price,
                    SymbolTrail.pct(price, closeBeforeSpike), trail.changePct(now, 10), trail.changePct(now, 60),
                    trail.changePct(now, 300), SymbolTrail.pct(price, previousCloses.getOrDefault(name, Double.NaN)),
                    trail.relativeVolume(now), trail.volumeToday(), enteredMarketMs, enteredWallMs);
        }
    }
}
