package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.Audit;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.Coverage;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.app.LiveSeries;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Provider;
import dev.tapewatch.app.SessionConfig;
import dev.tapewatch.export.CsvExport;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.store.DayCount;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The main window's state and actions, without controls. Every property changes on the FX thread only:
 * background work (database, network) runs on the session's executor and comes back through
 * {@link Platform#runLater}; live numbers are pulled by {@link #refresh()} a few times a second.
 */
public final class MainViewModel {
    /** What the chart shows: the live stream or a stored day. */
    public enum Mode { STARTING, LIVE, HISTORY }

    /** A chart selection: [from, to) in epoch ms. */
    public record Selection(String symbol, long from, long to, int bars, double volume) {
    }

    private static final long RECENT_SPIKE_MILLIS = 3 * 60_000;

    private final AppConfig config;
    private final Supplier<LiveSession.Settings> settingsSource;
    private final Tickers tickers = new Tickers();
    private final ObservableList<QuoteRow> watchlist = FXCollections.observableArrayList();
    private final ObservableList<Spike> spikes = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Spike> arrivedSpikes = new ConcurrentLinkedQueue<>();
    private final ReadOnlyStringWrapper selectedSymbol = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.STARTING);
    private final ReadOnlyObjectWrapper<DayData> day = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LiveSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper feedState = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyStringWrapper provider = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rates = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notRecording = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Audit.Report> audit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private Task<?> running;
    private long lastRefreshBars;
    private long lastRefreshNanos;
    private double barsPerSecond;

    public MainViewModel(AppConfig config, Supplier<LiveSession.Settings> settingsSource) {
        this.config = config;
        this.settingsSource = settingsSource;
    }

    /** The real app: settings from the user's file and environment. */
    public static MainViewModel forUser(AppConfig config, AppPaths paths, Map<String, String> environment) {
        return new MainViewModel(config, () -> SessionConfig.read(config, paths, environment));
    }

    // ---- lifecycle ----

    /** Starts the live session in the background; the window shows "starting" meanwhile. */
    public void start() {
        mode.set(Mode.STARTING);
        Thread starter = new Thread(() -> {
            try {
                LiveSession started = LiveSession.start(settingsSource.get());
                started.onSpike(arrivedSpikes::add);
                Platform.runLater(() -> attach(started));
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail("Could not start: " + e.getMessage(), e));
            }
        }, "session-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void attach(LiveSession started) {
        session.set(started);
        watchlist.clear();
        started.watchlist().forEach(symbol -> watchlist.add(new QuoteRow(symbol, tickers.name(symbol))));
        provider.set(started.provider() == Provider.SIMULATOR ? "Simulated market" : started.provider().id());
        database.set(started.store().location().describe());
        String remembered = config.get("ui.symbol").orElse(null);
        selectedSymbol.set(remembered != null && started.watchlist().contains(remembered) ? remembered
                : started.watchlist().isEmpty() ? null : started.watchlist().get(0));
        mode.set(Mode.LIVE);
        started.background().execute(() -> {
            List<String> stored = started.store().symbols();
            Platform.runLater(() -> tickers.addAll(stored));
        });
    }

    /** Stops the session (feed, recorder, database); blocks, so call it off the FX thread or at exit. */
    public void close() throws InterruptedException {
        LiveSession current = session.get();
        if (current != null) {
            current.close();
        }
    }

    // ---- the pulse ----

    /** Pulls live numbers into the properties; called on the FX thread a few times a second. */
    public void refresh() {
        LiveSession current = session.get();
        if (current == null) {
            return;
        }
        long marketNow = current.marketClock().getAsLong();
        LiveSeries series = current.series();
        for (QuoteRow row : watchlist) {
            LiveSeries.Quote quote = series.quote(row.symbol());
            if (quote != null && quote.version() != row.version) {
                row.version = quote.version();
                row.last.set(quote.last());
                row.changePercent.set(quote.changePercent());
                row.volume.set(quote.dayVolume());
            }
        }
        Spike arrived;
        while ((arrived = arrivedSpikes.poll()) != null) {
            if (mode.get() == Mode.LIVE) {
                spikes.add(arrived);
            }
        }
        for (QuoteRow row : watchlist) {
            row.recentSpike.set(spikes.stream().anyMatch(spike -> spike.symbol().equals(row.symbol())
                    && marketNow - spike.end() < RECENT_SPIKE_MILLIS));
        }
        FeedStatus status = current.status();
        feedState.set(status.describe(System.currentTimeMillis()));
        FeedStats stats = current.stats();
        long now = System.nanoTime();
        if (lastRefreshNanos == 0 || now - lastRefreshNanos >= 2_000_000_000L) { // a rate over 2 s reads steadily
            barsPerSecond = lastRefreshNanos == 0 ? 0 : (stats.bars() - lastRefreshBars) / ((now - lastRefreshNanos) / 1e9);
            lastRefreshBars = stats.bars();
            lastRefreshNanos = now;
        }
        rates.set(String.format(Locale.ROOT, "%.0f bars/s · lag %.1f s · stored %,d", barsPerSecond,
                stats.lagMillis() / 1000.0, current.barsStored()));
        BarWriter.Problem problem = current.storeProblem();
        notRecording.set(problem == null ? null : "Not recording: " + problem.message() + " Received bars are"
                + " held and stored when writing works again (" + current.barsPending() + " waiting).");
        if (status.state() == FeedStatus.State.FAILED && error.get() == null) {
            fail("Feed failed: " + status.detail(), null);
        }
    }

    // ---- watchlist ----

    /** Adds a ticker typed or picked by the user; returns an error to show, or empty when added. */
    public Optional<String> addSymbol(String text) {
        String symbol = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!Symbols.isValid(symbol)) {
            return Optional.of("'" + text + "' is not a US ticker (letters, digits, '.' and '-', e.g. SPY or BRK.B)");
        }
        LiveSession current = session.get();
        if (current == null) {
            return Optional.of("Still starting; try again in a moment");
        }
        if (watchlist.stream().noneMatch(row -> row.symbol().equals(symbol))) {
            watchlist.add(new QuoteRow(symbol, tickers.name(symbol)));
            current.watch(symbol);
            remember();
        }
        select(symbol);
        return Optional.empty();
    }

    public void removeSymbol(String symbol) {
        LiveSession current = session.get();
        watchlist.removeIf(row -> row.symbol().equals(symbol));
        if (current != null) {
            current.unwatch(symbol);
        }
        if (symbol.equals(selectedSymbol.get())) {
            selectedSymbol.set(watchlist.isEmpty() ? null : watchlist.get(0).symbol());
        }
        remember();
    }

    public void select(String symbol) {
        if (symbol != null && !symbol.equals(selectedSymbol.get())) {
            selectedSymbol.set(symbol);
            selection.set(null);
            if (mode.get() == Mode.HISTORY && day.get() != null) {
                loadDay(day.get().day());
            }
        }
    }

    public List<String> suggestions(String text) {
        return tickers.search(text, 12);
    }

    public String companyName(String symbol) {
        return tickers.name(symbol);
    }

    private void remember() {
        config.set(SessionConfig.WATCHLIST, String.join(",", watchlist.stream().map(QuoteRow::symbol).toList()));
    }

    // ---- history ----

    /** Loads the selected symbol's stored day off the FX thread; the chart switches when it is ready. */
    public Task<DayData> loadDay(LocalDate date) {
        LiveSession current = session.get();
        String symbol = selectedSymbol.get();
        if (current == null || symbol == null) {
            return null;
        }
        Task<DayData> task = new Task<>() {
            @Override
            protected DayData call() {
                updateMessage("Loading " + symbol + " " + date);
                updateProgress(0, 3);
                long from = ExchangeTime.startOfDay(date);
                long to = ExchangeTime.endOfDay(date);
                List<Bar> bars = new ArrayList<>();
                current.store().forEachBar(symbol, from, to, bar -> {
                    if (isCancelled()) {
                        throw new CancellationException(); // cooperative: H2 must never see an interrupt
                    }
                    bars.add(bar);
                });
                updateProgress(1, 3);
                if (isCancelled()) {
                    return null;
                }
                List<Spike> found = SpikeDetector.detect(symbol, bars,
                        current.settings().detector());
                updateProgress(2, 3);
                List<dev.tapewatch.store.Coverage.Gap> gaps = dev.tapewatch.store.Coverage.gaps(symbol, current.store().coverage(from, to));
                updateProgress(3, 3);
                return new DayData(symbol, date, bars, found, gaps, List.of());
            }
        };
        task.setOnSucceeded(event -> {
            DayData loaded = task.getValue();
            if (loaded != null) {
                audit.set(null);
                day.set(loaded);
                spikes.setAll(loaded.spikes());
                selection.set(null);
                mode.set(Mode.HISTORY);
            }
        });
        task.setOnFailed(event -> fail("Could not load " + symbol + " " + date + ": "
                + task.getException().getMessage(), task.getException()));
        run(task, current);
        return task;
    }

    /** The stored day before or after the shown one (or today) that has bars of the selected symbol. */
    public void stepDay(int direction) {
        LiveSession current = session.get();
        String symbol = selectedSymbol.get();
        if (current == null || symbol == null) {
            return;
        }
        LocalDate from = day.get() != null && mode.get() == Mode.HISTORY ? day.get().day()
                : ExchangeTime.dayOf(current.marketClock().getAsLong()).plusDays(direction > 0 ? 0 : 1);
        current.background().execute(() -> {
            List<LocalDate> days = current.store().days(symbol).stream().map(DayCount::date).toList();
            Optional<LocalDate> next = direction > 0
                    ? days.stream().filter(d -> d.isAfter(from)).findFirst()
                    : days.stream().filter(d -> d.isBefore(from)).reduce((a, b) -> b);
            Platform.runLater(() -> next.ifPresent(this::loadDay));
        });
    }

    public void goLive() {
        cancel();
        audit.set(null);
        day.set(null);
        selection.set(null);
        spikes.clear();
        mode.set(session.get() == null ? Mode.STARTING : Mode.LIVE);
    }

    /**
     * Asks the running job to stop; it notices between rows or pages. Never an interrupt: the job may be inside
     * H2, whose file store an interrupt closes (and with it the recorder's database).
     */
    public void cancel() {
        if (running != null) {
            running.cancel(false);
        }
    }

    /** Compares the shown day with the provider's REST second bars; missing seconds then show on the chart. */
    public Task<Audit.Report> auditDay() {
        LiveSession current = session.get();
        DayData shown = day.get();
        if (current == null || shown == null || mode.get() != Mode.HISTORY) {
            return null;
        }
        Task<Audit.Report> task = new Task<>() {
            @Override
            protected Audit.Report call() throws Exception {
                updateMessage("Auditing " + shown.symbol() + " " + shown.day() + " against the provider");
                long from = ExchangeTime.startOfDay(shown.day());
                long to = ExchangeTime.endOfDay(shown.day());
                List<Bar> theirs = new ArrayList<>();
                current.history().secondBars(shown.symbol(), from, to, page -> {
                    theirs.addAll(page);
                    updateMessage("Auditing " + shown.symbol() + ": " + theirs.size() + " provider seconds read");
                }, this::isCancelled);
                if (isCancelled()) {
                    return null;
                }
                return Audit.compare(shown.symbol(), shown.bars(), theirs);
            }
        };
        task.setOnSucceeded(event -> {
            Audit.Report report = task.getValue();
            if (report != null && day.get() == shown) {
                audit.set(report);
                day.set(shown.withMissing(runs(report.missingHere(), shown.bars())));
            }
        });
        task.setOnFailed(event -> fail("Could not audit " + shown.symbol() + " " + shown.day() + ": "
                + task.getException().getMessage(), task.getException()));
        run(task, current);
        return task;
    }

    /** At most this many stretches go on the chart; a day with more is mostly missing anyway. */
    private static final int MAX_MISSING_STRETCHES = 200;

    /**
     * Missing seconds as stretches for the chart: one stretch runs on over seconds that neither side has (no
     * trades) until the next stored bar, so a quiet name does not become thousands of bands.
     */
    static List<Coverage.Gap> runs(List<Bar> missing, List<Bar> stored) {
        List<Coverage.Gap> runs = new ArrayList<>();
        int next = 0;
        for (Bar bar : missing) {
            while (next < stored.size() && stored.get(next).start() < bar.start()) {
                next++;
            }
            Coverage.Gap last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            boolean storedBetween = next > 0 && last != null && stored.get(next - 1).start() >= last.end();
            if (last != null && !storedBetween) {
                runs.set(runs.size() - 1, new Coverage.Gap(last.start(), bar.end()));
            } else if (runs.size() < MAX_MISSING_STRETCHES) {
                runs.add(new Coverage.Gap(bar.start(), bar.end()));
            } else {
                runs.set(runs.size() - 1, new Coverage.Gap(last.start(), bar.end()));
            }
        }
        return runs;
    }

    // ---- selection and export ----

    /** Selects [from, to) of the shown symbol; counts come from the bars the chart shows. */
    public void select(long from, long to, List<Bar> shown) {
        long start = Math.floorDiv(Math.min(from, to), 1000) * 1000;
        long end = Math.floorDiv(Math.max(from, to) + 999, 1000) * 1000;
        int count = 0;
        double volume = 0;
        for (Bar bar : shown) {
            if (bar.start() >= start && bar.start() < end) {
                count++;
                volume += bar.volume();
            }
        }
        selection.set(end > start ? new Selection(selectedSymbol.get(), start, end, count, volume) : null);
    }

    public void clearSelection() {
        selection.set(null);
    }

    /** {@code SYMBOL_YYYY-MM-DD_HHMMSS-HHMMSS.csv} for the current selection. */
    public String suggestedExportName() {
        Selection current = selection.get();
        var format = java.time.format.DateTimeFormatter.ofPattern("HHmmss");
        return current.symbol() + "_" + ExchangeTime.dayOf(current.from()) + "_"
                + format.format(ExchangeTime.localDateTime(current.from())) + "-"
                + format.format(ExchangeTime.localDateTime(current.to())) + ".csv";
    }

    /** Writes the selection's bars from the database as CSV, off the FX thread. */
    public Task<Long> exportSelection(Path target) {
        LiveSession current = session.get();
        Selection current2 = selection.get();
        if (current == null || current2 == null) {
            return null;
        }
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                updateMessage("Exporting " + current2.bars() + " bars to " + target.getFileName());
                return new CsvExport(current.store()).toFile(current2.symbol(), current2.from(), current2.to(), target,
                        rows -> {
                            if (isCancelled()) {
                                throw new CancellationException();
                            }
                            updateProgress(rows, Math.max(rows, current2.bars()));
                        });
            }
        };
        task.setOnFailed(event -> fail("Export to " + target + " failed: " + task.getException().getMessage(),
                task.getException()));
        run(task, current);
        return task;
    }

    private void run(Task<?> task, LiveSession current) {
        cancel();
        running = task;
        busy.bind(task.runningProperty());
        progress.bind(task.progressProperty());
        progressText.bind(task.messageProperty());
        current.background().execute(task);
    }

    // ---- settings ----

    public AppConfig config() {
        return config;
    }

    /** Saves the settings and restarts the session with them (the feed reconnects, charts restart). */
    public void applySettings(Runnable edit) {
        edit.run();
        LiveSession previous = session.get();
        session.set(null);
        mode.set(Mode.STARTING);
        Thread restarter = new Thread(() -> {
            try {
                config.save();
                if (previous != null) {
                    previous.close();
                }
                Platform.runLater(this::start);
            } catch (Exception e) {
                Platform.runLater(() -> fail("Could not apply the settings: " + e.getMessage(), e));
            }
        }, "session-restart");
        restarter.setDaemon(true);
        restarter.start();
    }

    public dev.tapewatch.detect.DetectorSettings detectorSettings() {
        return DetectorConfig.read(config);
    }

    // ---- errors ----

    private void fail(String message, Throwable cause) {
        error.set(message);
        errorDetail.set(cause == null ? message : stackTrace(cause));
    }

    public void dismissError() {
        error.set(null);
        errorDetail.set(null);
    }

    private static String stackTrace(Throwable cause) {
        java.io.StringWriter text = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    // ---- read-only views ----

    public ObservableList<QuoteRow> watchlist() {
        return watchlist;
    }

    public ObservableList<Spike> spikes() {
        return spikes;
    }

    public ReadOnlyStringProperty selectedSymbolProperty() {
        return selectedSymbol.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DayData> dayProperty() {
        return day.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LiveSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedStateProperty() {
        return feedState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providerProperty() {
        return provider.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Set while the recorder cannot store (disk full, folder gone), with where and why; null while it can. */
    public ReadOnlyStringProperty notRecordingProperty() {
        return notRecording.getReadOnlyProperty();
    }

    /** The last audit of the shown day, or null. */
    public ReadOnlyObjectProperty<Audit.Report> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
