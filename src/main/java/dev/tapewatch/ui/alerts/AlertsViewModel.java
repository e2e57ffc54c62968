package dev.tapewatch.ui.alerts;

import dev.tapewatch.alert.Alert;
import dev.tapewatch.alert.AlertRules;
import dev.tapewatch.alert.DesktopNotifier;
import dev.tapewatch.alert.MarketRule;
import dev.tapewatch.alert.MarketRules;
import dev.tapewatch.alert.SpikeMove;
import dev.tapewatch.app.AlertConfig;
import dev.tapewatch.app.AlertReferences;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSeries;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Alerts: spikes of watched symbols and price levels crossed become a toast, a tone, a desktop notification
 * and a line in the alert log. Spikes arrive from any thread (live or replayed) and are judged on the FX thread
 * by {@link #refresh}, with the price levels, a few times a second. Settings and levels live in the settings file.
 */
public final class AlertsViewModel {
    public static final String SPIKES = AlertConfig.SPIKES;
    static final String MIN_SCORE = AlertConfig.MIN_SCORE;
    static final String MUTED = AlertConfig.MUTED;
    public static final String LEVELS = AlertConfig.LEVELS;
    public static final String SOUND = "alerts.sound";
    public static final String DESKTOP = "alerts.desktop";
    /** How far before a spike its move's starting price is looked for. */
    private static final long MOVE_LOOKBACK_MS = 60_000;

    private final AppConfig config;
    private final AlertRules rules = new AlertRules();
    private final DesktopNotifier notifier;
    /** Why desktop notifications failed, set once from the notifier's thread, told on the FX thread. */
    private final java.util.concurrent.atomic.AtomicReference<String> notifierProblem =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.function.Consumer<String> statusNotice;
    /** A spike as it arrived, and when (to tell how long it waited); a scanner's mover comes with its move. */
    private record Arrival(Spike spike, long nanos, SpikeMove move) {
    }

    private final Queue<Arrival> arrived = new ConcurrentLinkedQueue<>();
    /** Per symbol with price lines, the start of the newest bar looked at (FX thread). */
    private final Map<String, Long> checkedUntil = new java.util.HashMap<>();
    /** Milliseconds from a spike's arrival to its alert, the newest last (at most 100). */
    private final java.util.Deque<Long> delays = new java.util.ArrayDeque<>();
    private final AlertLogViewModel log;
    private final ObservableMap<String, List<Double>> levels = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<Alert> toast = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty spikesOn = new SimpleBooleanProperty();
    private final DoubleProperty minimumScore = new SimpleDoubleProperty();
    private final BooleanProperty sound = new SimpleBooleanProperty();
    private final BooleanProperty desktop = new SimpleBooleanProperty();

    /** A symbol's relative volume now, NaN when unknown (FX thread). */
    private java.util.function.ToDoubleFunction<String> relativeVolume = symbol -> Double.NaN;
    private java.util.function.Consumer<Alert> raised = alert -> { };
    private java.util.function.Supplier<java.util.Collection<String>> watched = List::of;
    private MarketRules marketRules = new MarketRules(List.of(), null);
    private volatile AlertReferences references;
    /** The day each line drawn on a day belongs to ({@link AlertConfig#lineKey}); standing lines are not in it. */
    private final Map<String, java.time.LocalDate> lineDays = new java.util.HashMap<>();
    /** The live session's market day (null before one starts): whose lines the live tape is judged on. */
    private java.time.LocalDate liveDay;
    private final javafx.beans.property.StringProperty rulesText = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyStringWrapper rulesProblem =
            new javafx.beans.property.ReadOnlyStringWrapper();

    /** {@code statusNotice} shows a line in the status bar (FX thread). */
    public AlertsViewModel(AppConfig config, java.util.function.Consumer<String> statusNotice) {
        this.config = config;
        this.statusNotice = statusNotice;
        this.log = new AlertLogViewModel(statusNotice);
        this.notifier = new DesktopNotifier(Threads.named("alert-notifier"), notifierProblem::set);
        spikesOn.set(AlertConfig.spikesOn(config));
        minimumScore.set(AlertConfig.minimumScore(config));
        sound.set(!"false".equals(config.get(SOUND).orElse("true")));
        desktop.set(!"false".equals(config.get(DESKTOP).orElse("true")));
        AlertConfig.muted(config).forEach(symbol -> rules.mute(symbol, true));
        lineDays.putAll(AlertConfig.lineDays(config));
        AlertConfig.levels(config).forEach(this::setLevels);
        rulesText.set(config.get(AlertConfig.RULES).orElse(""));
        applyRules(rulesText.get());
        rulesText.addListener((o, was, now) -> applyRules(now));
        applySettings();
        spikesOn.addListener((o, was, now) -> applySettings());
        minimumScore.addListener((o, was, now) -> applySettings());
        sound.addListener((o, was, now) -> applySettings());
        desktop.addListener((o, was, now) -> applySettings());
    }

    private void applySettings() {
        rules.spikes(spikesOn.get(), minimumScore.get());
        notifier.settings(sound.get(), desktop.get());
        config.set(SPIKES, Boolean.toString(spikesOn.get()));
        config.set(MIN_SCORE, Double.toString(minimumScore.get()));
        config.set(SOUND, Boolean.toString(sound.get()));
        config.set(DESKTOP, Boolean.toString(desktop.get()));
    }

    /** Also told of each alert raised (FX thread): the window's shared stream passes it on. */
    public void onRaised(java.util.function.Consumer<Alert> listener) {
        raised = listener;
    }

    /** Where alerts read a symbol's relative volume (the watchlist's). */
    public void relativeVolumes(java.util.function.ToDoubleFunction<String> source) {
        relativeVolume = source;
    }

    /** Any thread: a spike closed, live or in a replay. */
    public void spikeArrived(Spike spike) {
        arrived.add(new Arrival(spike, System.nanoTime(), null));
    }

    /** A mover the scanner listed (any thread): one not in the live series alerts now, as its own spike would. */
    public void moverEntered(Spike spike, SpikeMove move) {
        arrived.add(new Arrival(spike, System.nanoTime(), move));
    }

    /** A replay starts or ends: prices jump, and the jump is no crossing. */
    public void pricesJump() {
        rules.resetPrices();
        checkedUntil.clear();
        applyRules(rulesText.get()); // a fresh day for the typed rules too
    }

    /** A session's database keeps the log and answers the typed rules' previous closes (FX thread). */
    public void attach(BarStore store, java.time.LocalDate today) {
        log.attach(store, today);
        liveDay = today;
        new ArrayList<>(levels.keySet()).forEach(symbol -> setLevels(symbol, levels.get(symbol)));
        if (references != null) {
            references.closeLater();
        }
        references = new AlertReferences(store);
        applyRules(rulesText.get());
    }

    /** Which symbols the typed rules watch ({@code *} rules: these), e.g. the watchlist. */
    public void watched(java.util.function.Supplier<java.util.Collection<String>> symbols) {
        watched = symbols;
    }

    /** Takes typed rules (FX thread): kept when they read right, else {@link #rulesProblemProperty} says why. */
    private void applyRules(String text) {
        try {
            List<MarketRule> parsed = MarketRule.parseAll(text);
            rulesProblem.set(null);
            config.set(AlertConfig.RULES, text);
            MarketRules.Reference closes = references;
            marketRules = new MarketRules(parsed, new MarketRules.Reference() {
                @Override
                public double previousClose(String symbol, long time) {
                    return closes == null ? Double.NaN : closes.previousClose(symbol, time);
                }

                @Override
                public double relativeVolume(String symbol, double dayVolume, long time) {
                    return AlertsViewModel.this.relativeVolume.applyAsDouble(symbol);
                }
            });
        } catch (IllegalArgumentException e) {
            rulesProblem.set(e.getMessage());
        }
    }

    private static void closeQuietly(AlertReferences references) {
        if (references != null) {
            try {
                references.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    javafx.beans.property.StringProperty rulesTextProperty() {
        return rulesText;
    }

    javafx.beans.property.ReadOnlyStringProperty rulesProblemProperty() {
        return rulesProblem.getReadOnlyProperty();
    }

    /** FX thread: judges the spikes that arrived and the last prices of symbols with levels. */
    public void refresh(LiveSeries series) {
        String problem = notifierProblem.getAndSet(null);
        if (problem != null) {
            statusNotice.accept(problem);
        }
        Arrival arrival;
        while ((arrival = arrived.poll()) != null) {
            long since = arrival.nanos();
            Spike spike = arrival.spike();
            if (arrival.move() != null && series.quote(spike.symbol()) != null) {
                continue; // a charted or watched symbol alerts when its spike closes, with the full move
            }
            SpikeMove move = arrival.move() != null ? arrival.move()
                    : SpikeMove.of(series.bars(spike.symbol(), spike.start() - MOVE_LOOKBACK_MS, spike.end()), spike);
            if (move == null) {
                continue; // its bars are gone from the live series (a replay jumped)
            }
            LiveSeries.Quote quote = series.quote(spike.symbol());
            if (Double.isNaN(move.dayVolume()) && quote != null) {
                move = move.withDayVolume(quote.dayVolume());
            }
            rules.spike(spike, move).ifPresent(alert -> {
                raise(alert.withRelativeVolume(relativeVolume.applyAsDouble(alert.symbol())));
                delays.addLast((System.nanoTime() - since) / 1_000_000);
                if (delays.size() > 100) {
                    delays.removeFirst();
                }
            });
        }
        java.util.Set<String> judged = new java.util.LinkedHashSet<>(levels.keySet());
        if (!marketRules.isEmpty()) {
            judged.addAll(watched.get());
        }
        for (String symbol : judged) {
            // every bar since the last look, so a wick through a line between two looks still alerts
            Long seen = checkedUntil.get(symbol);
            LiveSeries.Quote quote = seen == null ? series.quote(symbol) : null;
            if (seen == null && quote == null) {
                continue; // no bar yet
            }
            List<dev.tapewatch.market.Bar> bars = series.bars(symbol, seen == null ? quote.lastBarStart() : seen + 1,
                    Long.MAX_VALUE);
            for (dev.tapewatch.market.Bar bar : bars) {
                if (levels.containsKey(symbol)) {
                    rules.bar(bar).forEach(this::raise);
                }
                marketRules.bar(bar).forEach(alert -> raise(alert.withRelativeVolume(
                        relativeVolume.applyAsDouble(alert.symbol()))));
                checkedUntil.put(symbol, bar.start());
            }
        }
    }

    /** FX thread: an alert the rules raised becomes a toast, a tone, a desktop notification and a log line. */
    public void raise(Alert alert) {
        log.add(alert);
        toast.set(alert);
        notifier.tell(alert);
        raised.accept(alert);
    }

    // ---- levels ----

    /** Adds a price line for a symbol on the day it is drawn on ({@code day}; null: standing) (FX thread). */
    public void addLevel(String symbol, double price, java.time.LocalDate day) {
        List<Double> now = new ArrayList<>(levels.getOrDefault(symbol, List.of()));
        double rounded = round(price);
        now.add(rounded);
        if (day != null) {
            lineDays.put(AlertConfig.lineKey(symbol, rounded), day);
        }
        setLevels(symbol, now);
    }

    /** A level was dragged from one price to another: it keeps its day. */
    public void moveLevel(String symbol, double from, double to) {
        List<Double> now = new ArrayList<>(levels.getOrDefault(symbol, List.of()));
        int index = now.indexOf(from);
        if (index >= 0) {
            now.set(index, round(to));
            java.time.LocalDate day = lineDays.remove(AlertConfig.lineKey(symbol, from));
            if (day != null) {
                lineDays.put(AlertConfig.lineKey(symbol, round(to)), day);
            }
            setLevels(symbol, now);
        }
    }

    public void removeLevel(String symbol, double price) {
        List<Double> now = new ArrayList<>(levels.getOrDefault(symbol, List.of()));
        now.remove((Double) price);
        lineDays.remove(AlertConfig.lineKey(symbol, price));
        setLevels(symbol, now);
    }

    /** The day a line belongs to, or null when it is standing (shown and judged every day). */
    public java.time.LocalDate lineDay(String symbol, double price) {
        return lineDays.get(AlertConfig.lineKey(symbol, price));
    }

    /** Makes a line standing, or ties it to {@code day} again. */
    public void standing(String symbol, double price, java.time.LocalDate day) {
        if (day == null) {
            lineDays.remove(AlertConfig.lineKey(symbol, price));
        } else {
            lineDays.put(AlertConfig.lineKey(symbol, price), day);
        }
        List<Double> prices = levels.remove(symbol); // the same prices: only a change is heard by the views
        setLevels(symbol, prices == null ? List.of() : prices);
    }

    /** A symbol's lines shown on {@code day}: its own and the standing ones (all of them when day is null). */
    public List<Double> linesOn(String symbol, java.time.LocalDate day) {
        return levels.getOrDefault(symbol, List.of()).stream().filter(price -> {
            java.time.LocalDate of = lineDay(symbol, price);
            return day == null || of == null || of.equals(day);
        }).toList();
    }

    private static double round(double price) {
        return price >= 1 ? Math.round(price * 100) / 100.0 : Math.round(price * 10_000) / 10_000.0;
    }

    private void setLevels(String symbol, List<Double> prices) {
        if (prices.isEmpty()) {
            levels.remove(symbol);
        } else {
            levels.put(symbol, List.copyOf(prices));
        }
        rules.levels(symbol, linesOn(symbol, liveDay)); // the live tape alerts on today's lines and standing ones
        config.set(LEVELS, AlertConfig.linesText(levels, lineDays));
    }

    // ---- per-symbol ----

    void mute(String symbol, boolean off) {
        rules.mute(symbol, off);
        config.set(MUTED, String.join(",", rules.mutedSymbols().stream().sorted().toList()));
    }

    /** Whether a level has alerted (it alerts again once moved). */
    boolean fired(String symbol, double price) {
        return rules.fired(symbol, price);
    }

    boolean muted(String symbol) {
        return rules.muted(symbol);
    }

    /** How long recent spike alerts waited after their spike closed, in ms (FX thread). */
    public List<Long> recentDelays() {
        return List.copyOf(delays);
    }

    /** The shown day's page of the alert log, newest first. */
    public ObservableList<Alert> log() {
        return log.page();
    }

    public AlertLogViewModel logPages() {
        return log;
    }

    public ObservableMap<String, List<Double>> levels() {
        return levels;
    }

    /** The newest alert, for the toast. */
    ReadOnlyObjectProperty<Alert> toastProperty() {
        return toast.getReadOnlyProperty();
    }

    public void dismissToast() {
        toast.set(null);
    }

    BooleanProperty spikesOnProperty() {
        return spikesOn;
    }

    DoubleProperty minimumScoreProperty() {
        return minimumScore;
    }

    BooleanProperty soundProperty() {
        return sound;
    }

    BooleanProperty desktopProperty() {
        return desktop;
    }

    public void close() throws InterruptedException {
        notifier.close();
        log.close();
        closeQuietly(references);
    }
}
