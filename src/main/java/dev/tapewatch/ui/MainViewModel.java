package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.SessionConfig;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.chart.ChartViewModel;
import dev.tapewatch.ui.common.BackgroundTasks;
import dev.tapewatch.ui.common.DayData;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.history.ReplayViewModel;
import dev.tapewatch.ui.spikes.SpikesViewModel;
import dev.tapewatch.ui.status.StatusViewModel;
import dev.tapewatch.ui.watchlist.QuoteRow;
import dev.tapewatch.ui.watchlist.WatchlistViewModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's session and its panes' view models: watchlist, chart, spikes, history (with selection and
 * audit) and status, plus the one executor for background work. No controls here: views bind to the panes'
 * read-only properties, which change on the FX thread only; live numbers are pulled by {@link #refresh()}.
 */
public final class MainViewModel {
    static final String EXPORT_FOLDER = "ui.exportFolder";
    private final AppConfig config;
    private final Supplier<LiveSession.Settings> settingsSource;
    private final ReadOnlyObjectWrapper<LiveSession> session = new ReadOnlyObjectWrapper<>();
    private dev.tapewatch.ui.study.StudyViewModel study;
    private final StatusViewModel status = new StatusViewModel();
    private final BackgroundTasks tasks = new BackgroundTasks(status::fail);
    private final SpikesViewModel spikes = new SpikesViewModel();
    private final WatchlistViewModel watchlist;
    private final HistoryViewModel history;
    private final ChartViewModel chart;
    private final ChartLayout layout;
    private final List<ChartViewModel> otherCharts = new java.util.ArrayList<>();
    private final ReplayViewModel replay = new ReplayViewModel(this::startReplay);
    private final AlertsViewModel alerts;
    private final dev.tapewatch.ui.movers.MoversViewModel movers;
    /** The recording session (FX thread); {@link #session} is it, or a replay shown in its place. */
    private LiveSession live;
    /** The replay shown, or null (FX thread; read by {@link #close()} at exit too). */
    private volatile LiveSession replaying;
    /** The replay whose spikes reach the list and the alerts: the one shown (FX thread writes, the feed's reads). */
    private volatile LiveSession replayHeard;
    /** Counts replays asked for and left (FX thread): a replay that was read meanwhile is not shown. */
    private long replayRequests;
    private volatile boolean closed;
    /** The newest session started, attached or not yet: what {@link #close()} must stop. */
    private volatile LiveSession newest;
    /** The settings {@link #live} was asked to start with (before its simulator went on from an earlier one's). */
    private LiveSession.Settings liveAsked;
    /** Where the last simulated session's market stood when it was closed (FX thread), or null. */
    private SimulatedTime simulatorLeft;

    public MainViewModel(AppConfig config, Supplier<LiveSession.Settings> settingsSource) {
        this.config = config;
        this.settingsSource = settingsSource;
        this.watchlist = new WatchlistViewModel(config, session::get, tasks);
        this.alerts = new AlertsViewModel(config, status::tell);
        alerts.relativeVolumes(symbol -> watchlist.rows().stream().filter(row -> row.symbol().equals(symbol))
                .mapToDouble(row -> row.relativeVolume.get()).findFirst().orElse(Double.NaN));
        alerts.watched(() -> watchlist.rows().stream().map(QuoteRow::symbol).toList());
        alerts.onRaised(alert -> {
            LiveSession recording = live;
            if (recording != null && replaying == null) { // a replay's alerts are not news
                recording.shareAlert(alert);
            }
        });
        this.movers = new dev.tapewatch.ui.movers.MoversViewModel(config, session::get, alerts::moverEntered);
        this.history = new HistoryViewModel(session::get, watchlist.selectedProperty(), spikes, tasks, status::tell);
        this.chart = new ChartViewModel(session, watchlist.selectedProperty(), history, spikes, false);
        this.layout = new ChartLayout(config);
        for (int i = 1; i < ChartLayout.MOST; i++) {
            otherCharts.add(new ChartViewModel(session, layout.symbol(i), history, spikes, true));
        }
    }

    /** The real app: settings from the user's file and environment. */
    public static MainViewModel forUser(AppConfig config, AppPaths paths, Map<String, String> environment) {
        return new MainViewModel(config, () -> SessionConfig.read(config, paths, environment));
    }

    /** Starts the live session in the background; the window shows "starting" meanwhile. */
    public void start() {
        history.starting();
        SimulatedTime left = simulatorLeft;
        tasks.execute("Could not start", () -> {
            LiveSession.Settings asked;
            LiveSession started;
            try {
                asked = settingsSource.get();
                boolean goesOn = left != null && asked.feed().provider().simulated();
                started = LiveSession.start(goesOn ? asked.withSimulatorAt(left.now()) : asked);
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.sessionFailed("Could not start: " + e.getMessage(), e));
                return;
            }
            newest = started;
            started.onSpike(spikes::arrived);
            started.onSpike(alerts::spikeArrived);
            Platform.runLater(() -> attach(started, asked));
        });
    }

    private void attach(LiveSession started, LiveSession.Settings asked) {
        if (closed) {
            return; // close() stopped it
        }
        live = started;
        liveAsked = asked;
        session.set(started);
        spikes.reset();
        watchlist.attach(started);
        layout.attach(started.watchlist());
        status.attach(started);
        alerts.attach(started.store(), dev.tapewatch.market.ExchangeTime.dayOf(started.marketClock().getAsLong()));
        history.live();
        tasks.execute("Could not list the stored symbols", () -> {
            List<String> stored = started.store().symbols();
            Platform.runLater(() -> watchlist.knownTickers(stored));
        });
    }

    /** FX thread, a few times a second: live numbers into the panes. */
    public void refresh() {
        LiveSession current = session.get();
        if (current == null) {
            return;
        }
        spikes.refresh();
        watchlist.refresh(current.series(), spikes, current.marketClock().getAsLong());
        status.refresh(current);
        replay.refresh();
        alerts.refresh(current.series());
        movers.refresh();
    }

    /**
     * Plays the stored day from {@code from} (epoch ms) through the live path in place of the live chart (or of the
     * replay shown, which it replaces once ready: moving a replay to another time), at the replay's chosen speed;
     * the live session goes on recording meanwhile. {@link #stopReplay} comes back.
     */
    public void startReplay(LocalDate day, long from) {
        LiveSession recording = live;
        if (recording == null || closed) {
            return;
        }
        long request = ++replayRequests;
        double speed = replay.speedProperty().get();
        tasks.execute("Could not start the replay", () -> {
            LiveSession started = recording.replay(day, from, speed);
            if (closed) {
                closeReplay(started); // the window closed while the day was read
                return;
            }
            started.onSpike(spike -> {
                if (replayHeard == started) { // not one left or replaced: stopping it closes its open spikes
                    spikes.replayed(spike);
                    alerts.spikeArrived(spike); // alerts fire during a replay too, as they would have that day
                }
            });
            Platform.runLater(() -> showReplay(recording, started, day, request));
        });
    }

    private void showReplay(LiveSession recording, LiveSession started, LocalDate day, long request) {
        if (closed) {
            return; // close() has shut the task executor; the process is ending
        }
        if (live != recording || request != replayRequests) {
            tasks.execute("Could not stop the replay", () -> closeReplay(started)); // the window moved on meanwhile
            return;
        }
        LiveSession replaced = replaying;
        replaying = started;
        replayHeard = started;
        alerts.pricesJump();
        history.goLive();
        spikes.startReplay(started.spikesBefore());
        session.set(started);
        status.attach(started);
        replay.started(started.replayClock(), day);
        started.play();
        if (replaced != null) {
            tasks.execute("Could not stop the replay", () -> closeReplay(replaced));
        }
    }

    private static void closeReplay(LiveSession replay) {
        try {
            replay.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Back to the live session (FX thread); the replay stops in the background. */
    public void stopReplay() {
        replayRequests++; // a replay still being read is not shown
        replayHeard = null;
        LiveSession stopping = replaying;
        if (stopping == null) {
            return;
        }
        replaying = null;
        alerts.pricesJump();
        replay.stopped();
        spikes.stopReplay();
        session.set(live);
        status.attach(live);
        tasks.execute("Could not stop the replay", () -> closeReplay(stopping));
    }

    /** Back to the live chart from a stored day or a replay (the Live button and Ctrl+L alike); FX thread. */
    public void goLive() {
        stopReplay();
        history.goLive();
    }

    /** Saves the settings in the background as they are (a change of look alone: nothing restarts). */
    void saveSettings() {
        tasks.execute("Could not save the settings", () -> {
            try {
                config.save();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Saves the settings and restarts the session with them (the feed reconnects, charts restart). */
    public void applySettings(Runnable edit) {
        edit.run();
        stopReplay();
        LiveSession previous = session.get();
        if (previous != null && sameSession()) {
            saveSettings(); // only the look changed (the theme): the connection, the chart and the spikes stay as they are
            return;
        }
        if (previous != null && previous.provider().simulated()) { // its day goes on when the simulator is back
            simulatorLeft = SimulatedTime.of(previous);
        }
        session.set(null);
        live = null;
        history.starting();
        tasks.cancel();
        tasks.execute("Could not apply the settings", () -> {
            try {
                config.save();
                if (previous != null) {
                    previous.close();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Platform.runLater(this::start);
        });
    }

    private boolean sameSession() {
        try {
            return liveAsked != null && liveAsked.equals(settingsSource.get());
        } catch (RuntimeException e) {
            return false; // the new settings are wrong: restarting reports how
        }
    }

    /** The Study view's model, made when first asked for; it reads the session's database. FX thread. */
    public dev.tapewatch.ui.study.StudyViewModel study() {
        if (study == null) {
            study = new dev.tapewatch.ui.study.StudyViewModel(() -> {
                LiveSession current = session.get();
                return current == null ? null : current.store();
            }, javafx.application.Platform::runLater, java.time.LocalDate.now(dev.tapewatch.market.ExchangeTime.ZONE));
        }
        return study;
    }

    /** Stops background work, the chart feeder and the session; blocks, so call it off the FX thread or at exit. */
    public void close() throws InterruptedException {
        closed = true;
        if (study != null) {
            study.close();
        }
        tasks.cancel();
        tasks.close();
        chart.close();
        otherCharts.forEach(ChartViewModel::close);
        alerts.close();
        LiveSession shownReplay = replaying;
        if (shownReplay != null) {
            shownReplay.close();
        }
        LiveSession current = newest;
        if (current != null) {
            current.close();
        }
    }

    /** Where the export dialog opens: the folder of the last export, else Documents, else home (never the working folder). */
    public java.nio.file.Path exportFolder() {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
        java.nio.file.Path documents = home.resolve("Documents");
        return config.get(EXPORT_FOLDER).map(java.nio.file.Path::of).filter(java.nio.file.Files::isDirectory)
                .orElse(java.nio.file.Files.isDirectory(documents) ? documents : home);
    }

    void exportedTo(java.nio.file.Path file) {
        if (file.toAbsolutePath().getParent() != null) {
            config.set(EXPORT_FOLDER, file.toAbsolutePath().getParent().toString());
        }
    }

    public AppConfig config() {
        return config;
    }

    /** The detector settings in the settings file (what the Settings dialog edits; a restart applies them). */
    public DetectorSettings detectorSettings() {
        return DetectorConfig.read(config);
    }

    public ReadOnlyObjectProperty<LiveSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public StatusViewModel status() {
        return status;
    }

    public WatchlistViewModel watchlist() {
        return watchlist;
    }

    public SpikesViewModel spikes() {
        return spikes;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** The day the charts show: a stored day loaded, else the live day; null before a session starts (FX thread). */
    java.time.LocalDate shownDay() {
        DayData stored = history.dayProperty().get();
        return history.modeProperty().get() == HistoryViewModel.Mode.HISTORY && stored != null ? stored.day()
                : liveDay();
    }

    /** The live session's market day, or null before it starts (FX thread). */
    java.time.LocalDate liveDay() {
        LiveSession recording = live;
        return recording == null ? null : dev.tapewatch.market.ExchangeTime.dayOf(recording.marketClock().getAsLong());
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    public dev.tapewatch.ui.movers.MoversViewModel movers() {
        return movers;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public ChartViewModel chart() {
        return chart;
    }

    /** Chart {@code index} of the layout: 0 is the watchlist's selection, 1 to 3 have symbols of their own. */
    ChartViewModel chart(int index) {
        return index == 0 ? chart : otherCharts.get(index - 1);
    }

    ChartLayout layout() {
        return layout;
    }

    BackgroundTasks tasks() {
        return tasks;
    }
}
