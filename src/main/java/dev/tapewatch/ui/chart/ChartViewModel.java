package dev.tapewatch.ui.chart;

import dev.tapewatch.app.History;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Candles;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.ui.common.DayData;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.spikes.SpikesViewModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.LoggerFactory;

/**
 * What the chart shows, decided off the FX thread. Its feeder thread has one job: at most 30 times a second,
 * when the live symbol's bars changed, it builds one {@link ChartSnapshot} (candles at the step in use, overlays,
 * levels, bands) and hands it to the view, which applies it whole on the FX thread; a stored day is turned into
 * one snapshot the same way. While following, the visible range is moved to the newest bars, coalesced to one
 * pending move. The step is the chosen one, made coarser when needed so a candle is never thinner than 3 px.
 */
public final class ChartViewModel {
    /** Where snapshots and range moves go: the chart. {@code show} from any thread, {@code follow} on the FX thread. */
    public interface Sink {
        void show(ChartSnapshot snapshot);

        void follow(long from, long to);
    }

    static final String DAY = "day";
    static final List<String> WINDOWS = List.of("1 min", "5 min", "15 min", "1 h", DAY);
    private static final long[] WINDOW_MILLIS = {60_000, 300_000, 900_000, 3_600_000, 0};
    static final String AUTO = "Auto";
    /** The step choices: Auto, then each step a chart offers. */
    static final List<String> STEPS = java.util.stream.Stream.concat(java.util.stream.Stream.of(AUTO),
            Candles.STEPS.stream().map(Candles::label)).toList();
    private static final double MIN_CANDLE_PX = 3;
    private static final int BANDED_SPIKES = 100;

    /**
     * The chart's threads. {@code lookups} reads what the chart needs from the store and the provider besides live
     * bars (previous closes, another symbol's stored day): one job at a time, apart from the window's tasks so a
     * slow provider never holds them up; shut down, never interrupted: it may be inside the database. {@code fx}
     * hands results to the FX thread. A unit test passes executors that run on the calling thread.
     */
    record Workers(ScheduledExecutorService feeder, ExecutorService lookups, Executor fx) {
        static Workers ofWindow() {
            return new Workers(Executors.newSingleThreadScheduledExecutor(Threads.named("chart-feeder")),
                    Executors.newSingleThreadExecutor(Threads.named("chart-lookups")), Platform::runLater);
        }
    }

    private final ScheduledExecutorService feeder;
    private final AtomicBoolean followPending = new AtomicBoolean();
    private final ExecutorService lookups;
    private final Executor fx;
    private final boolean ownSymbol;
    private final Map<String, Double> previousCloses = new ConcurrentHashMap<>();
    private final ReadOnlyStringWrapper stepInUse = new ReadOnlyStringWrapper(Candles.label(1));
    private volatile Sink sink;
    private volatile LiveSession session;
    private volatile String symbol;
    private volatile boolean live;
    private volatile boolean following = true;
    private volatile int window = 1;
    private volatile int chosenStep = 1;
    private volatile boolean autoStep = true;
    private volatile double secondsPerPixel = Double.NaN;
    private volatile double plotWidth = 1000;
    private volatile List<Spike> liveSpikes = List.of();
    private volatile DayData day;
    private volatile boolean stale = true;
    private volatile boolean active = true;
    /** What the chart says while its live day so far is still coming, or null (written by the feeder). */
    private volatile String loading;
    private volatile boolean starting = true;
    /** The step the last viewport called for (FX thread). */
    private int shownStepSeen = 1;
    // Owned by the feeder thread.
    private long shownVersion = -1;
    private String shownSymbol;
    private int shownStep;
    private long followedEnd;

    /**
     * {@code ownSymbol}: the chart has a symbol of its own (a second chart of a layout), so it reads its own bars of a
     * stored day; otherwise it shows the watchlist's selection, whose day the history loads.
     */
    public ChartViewModel(ReadOnlyObjectProperty<LiveSession> session, ReadOnlyStringProperty symbol, HistoryViewModel history,
                   SpikesViewModel spikes, boolean ownSymbol) {
        this(session, symbol, history, spikes, ownSymbol, Workers.ofWindow());
    }

    public ChartViewModel(ReadOnlyObjectProperty<LiveSession> session, ReadOnlyStringProperty symbol, HistoryViewModel history,
                   SpikesViewModel spikes, boolean ownSymbol, Workers workers) {
        this.feeder = workers.feeder();
        this.lookups = workers.lookups();
        this.fx = workers.fx();
        this.ownSymbol = ownSymbol;
        session.addListener((o, was, now) -> {
            this.session = now;
            loadPreviousClose();
        });
        this.symbol = symbol.get();
        symbol.addListener((o, was, now) -> {
            this.symbol = now;
            liveSpikes(spikes);
            loadPreviousClose();
            DayData shown = day;
            LiveSession current = this.session;
            if (ownSymbol && !live && shown != null && now != null && !now.equals(shown.symbol()) && current != null) {
                loadOwnDay(current, shown.day());
            }
        });
        history.modeProperty().addListener((o, was, now) -> {
            live = now == HistoryViewModel.Mode.LIVE;
            starting = now == HistoryViewModel.Mode.STARTING;
            stale = true;
            if (live) {
                day = null;
                following = true;
            }
        });
        history.dayProperty().addListener((o, was, shown) -> {
            LiveSession current = this.session;
            if (shown != null && current != null && !feeder.isShutdown()) {
                live = false; // before the feeder's next tick: no live snapshot may follow the day's
                following = false;
                if (shown.symbol().equals(this.symbol)) {
                    showDay(shown);
                } else {
                    loadOwnDay(current, shown.day()); // a chart of another symbol shows its own bars of that day
                }
            }
        });
        spikes.spikes().addListener((javafx.collections.ListChangeListener<Spike>) change -> liveSpikes(spikes));
    }

    /**
     * FX thread: shows a stored day, whole, at the step its width calls for. The view moves to the day at once: a
     * snapshot's range can be lost when a newer snapshot (the step a viewport change called for) replaces it
     * before it is drawn, which left the day's bars under the live day's axis.
     */
    private void showDay(DayData shown) {
        day = shown;
        loadPreviousClose();
        long span = shown.bars().isEmpty() ? 16 * 3_600_000L
                : shown.bars().get(shown.bars().size() - 1).end() - shown.bars().get(0).start();
        int step = step(span / 1000.0 / plotWidth);
        Sink target = sink;
        if (target != null) {
            long[] whole = ChartSnapshot.wholeDay(shown);
            target.follow(whole[0], whole[1]);
        }
        feeder.execute(() -> publishDay(shown, step, true));
    }

    /** FX thread: reads this chart's symbol's bars of a stored day in the background, then shows them. */
    private void loadOwnDay(LiveSession current, LocalDate date) {
        String own = symbol;
        if (own == null) {
            return;
        }
        dev.tapewatch.detect.DetectorSettings settings = current.settings().detector();
        lookup("Could not load " + own + " " + date, () -> {
            History.Day loaded = History.load(current.store(), own, date, settings, () -> false);
            DayData data = DayData.of(loaded);
            fx.execute(() -> {
                if (!live && own.equals(symbol) && !feeder.isShutdown()) {
                    showDay(data);
                }
            });
        });
    }

    /** Only a chart on screen is fed (the others of a four-chart layout wait while one is shown). */
    public void active(boolean on) {
        active = on;
        stale = true;
    }

    /** Starts feeding this sink (the view, once its chart exists). */
    public void attach(Sink target) {
        this.sink = target;
        feeder.scheduleWithFixedDelay(this::feed, 33, 33, TimeUnit.MILLISECONDS);
    }

    /** The live window by its label ("15 min", or "day": the trading day, 04:00 to 20:00); following resumes when live. */
    void window(String label) {
        window = WINDOWS.indexOf(label);
        if (live) {
            following(true);
        }
    }

    /** The chosen step by its label ("Auto", "1 min"); FX thread. */
    void step(String label) {
        autoStep = AUTO.equals(label);
        chosenStep = AUTO.equals(label) ? 1 : Candles.STEPS.get(Candles.STEPS.stream().map(Candles::label).toList()
                .indexOf(label));
        viewport(secondsPerPixel, plotWidth);
        stale = true;
    }

    /**
     * The chart's visible time per pixel and its plot width changed (FX thread): a stored day is made again when
     * the step in use changes with it; a live chart is at its next tick.
     */
    public void viewport(double secondsPerPx, double widthPx) {
        secondsPerPixel = secondsPerPx;
        if (widthPx > 0) {
            plotWidth = widthPx;
        }
        int step = step(secondsPerPx);
        stepInUse.set(autoStep ? Candles.label(step) : step != chosenStep
                ? Candles.label(step) + ": " + Candles.label(chosenStep) + " too thin" : "");
        DayData shown = day;
        if (step != shownStepSeen) {
            shownStepSeen = step;
            if (!live && shown != null && !feeder.isShutdown()) {
                feeder.execute(() -> publishDay(shown, step, false));
            } else {
                stale = true;
            }
        }
    }

    /** The chosen step, or a coarser one when the chosen would draw candles thinner than 3 px. */
    private int step(double secondsPerPx) {
        int minimum = Double.isNaN(secondsPerPx) ? 1 : Candles.atLeast(MIN_CANDLE_PX * secondsPerPx);
        return Math.max(chosenStep, minimum);
    }

    /**
     * The step drawn, beside the choice: "5 s" for Auto; "5 s: 1 s too thin" when the chosen step would draw candles
     * under 3 px wide at this zoom; empty when the chosen step is drawn.
     */
    ReadOnlyStringProperty stepInUseProperty() {
        return stepInUse.getReadOnlyProperty();
    }

    /** Whether the chart shows the live session (not a stored day). */
    boolean live() {
        return live;
    }

    void following(boolean value) {
        following = value;
        stale = true;
    }

    boolean following() {
        return following;
    }

    /** FX thread: the newest spikes of the shown symbol become the live snapshot's bands. */
    private void liveSpikes(SpikesViewModel spikes) {
        String shown = symbol;
        List<Spike> ofSymbol = spikes.spikes().stream().filter(s -> s.symbol().equals(shown)).toList();
        liveSpikes = List.copyOf(ofSymbol.subList(Math.max(0, ofSymbol.size() - BANDED_SPIKES), ofSymbol.size()));
        stale = true;
    }

    /** FX thread: the shown symbol's previous close is read once per day, in the background. */
    private void loadPreviousClose() {
        LiveSession current = session;
        String shown = symbol;
        DayData stored = day;
        if (current == null || shown == null) {
            return;
        }
        LocalDate date = stored != null ? stored.day() : ExchangeTime.dayOf(current.marketClock().getAsLong());
        String key = shown + "@" + date;
        if (previousCloses.containsKey(key)) {
            return;
        }
        previousCloses.put(key, Double.NaN);
        lookup("No previous close of " + shown + " for " + date, () -> {
            try {
                previousCloses.put(key, History.previousClose(current.store(), current.history(), shown, date,
                        () -> lookups.isShutdown() || session != current)); // closed or replaced: stop retrying
            } catch (dev.tapewatch.feed.RestException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            stale = true;
            DayData now = day;
            if (now != null && now.symbol().equals(shown) && now.day().equals(date) && !feeder.isShutdown()) {
                feeder.execute(() -> publishDay(now, shownStep, false));
            }
        });
    }

    /** Runs a look-up; a failure is logged, not shown: the chart is whole without a reference line. */
    private void lookup(String failure, Runnable job) {
        if (lookups.isShutdown()) {
            return;
        }
        lookups.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ChartViewModel.class).info("{}: {}", failure, e.getMessage());
            }
        });
    }

    /** Feeder thread, at most 30 times a second. */
    private void feed() {
        LiveSession current = session;
        String shown = symbol;
        loading = day != null || !active ? null : DayLoading.text(current, shown, starting); // a stored day is whole
        if (!live || !active || current == null || shown == null || sink == null) {
            return;
        }
        try {
            long version = current.series().version(shown);
            int step = step(secondsPerPixel);
            boolean refresh = stale;
            long now = current.marketClock().getAsLong();
            LocalDate today = ExchangeTime.dayOf(now);
            long windowMillis = WINDOW_MILLIS[window];
            if (refresh || version != shownVersion || !shown.equals(shownSymbol) || step != shownStep) {
                stale = false;
                shownVersion = version;
                shownSymbol = shown;
                shownStep = step;
                long dayStart = ExchangeTime.startOfDay(today);
                long from = !following ? Long.MIN_VALUE : windowMillis == 0 ? dayStart : now - windowMillis - 60_000;
                publish(ChartSnapshot.build(new ChartSnapshot.Request(shown,
                        current.series().bars(shown, dayStart, Long.MAX_VALUE), from, Long.MAX_VALUE, step,
                        liveSpikes, List.of(), List.of(), current.settings().detector().windowSeconds(),
                        previousCloses.getOrDefault(shown + "@" + today, Double.NaN), null)));
            }
            // The window moves in whole seconds, the bars' own step: an idle chart is redrawn once a second,
            // not at every tick of this loop (measured: a smoothly scrolling axis kept the renderer busy).
            long end = windowMillis == 0 ? ExchangeTime.toEpochMillis(today, ExchangeTime.AFTER_HOURS_CLOSE)
                    : Math.floorDiv(now, 1000) * 1000 + 1000;
            long start = windowMillis == 0 ? ExchangeTime.toEpochMillis(today, ExchangeTime.PRE_MARKET_OPEN)
                    : end - windowMillis;
            if (following && (refresh || end != followedEnd) && followPending.compareAndSet(false, true)) {
                followedEnd = end;
                fx.execute(() -> {
                    followPending.set(false);
                    if (following && live) {
                        sink.follow(start, end);
                    }
                });
            }
        } catch (RuntimeException e) {
            // never let the feeder die; the next tick tries again
            LoggerFactory.getLogger(ChartViewModel.class).warn("Chart update failed", e);
        }
    }

    /** What the chart says while its live day so far is still coming, or null; read on the FX thread. */
    public String loading() {
        return loading;
    }

    /**
     * Feeder thread: a stored day at this step; with its range only when first shown (a zoom stays). The volume
     * average is over the detector's window, the one the spikes are judged by.
     */
    private void publishDay(DayData shown, int step, boolean withRange) {
        LiveSession current = session;
        if (current == null || day != shown) {
            return;
        }
        shownStep = step;
        publish(ChartSnapshot.day(shown, step, current.settings().detector().windowSeconds(),
                previousCloses.getOrDefault(shown.symbol() + "@" + shown.day(), Double.NaN), withRange));
    }

    private void publish(ChartSnapshot snapshot) {
        Sink target = sink;
        if (target != null) {
            target.show(snapshot);
        }
    }

    public void close() {
        feeder.shutdownNow(); // the feeder only reads memory; it is never inside the database
        lookups.shutdown();
    }
}
