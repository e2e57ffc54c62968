package dev.tapewatch.ui;

import dev.tapewatch.market.Spike;
import dev.tapewatch.ui.alerts.AlertToast;
import dev.tapewatch.ui.alerts.AlertsPane;
import dev.tapewatch.ui.chart.ChartControls;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.chart.PriceVolumeChart;
import dev.tapewatch.ui.common.DayData;
import dev.tapewatch.ui.common.ShortPanes;
import dev.tapewatch.ui.common.Themes;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.spikes.SpikeListPane;
import dev.tapewatch.ui.status.StatusBar;
import dev.tapewatch.ui.watchlist.WatchlistPane;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The main window's layout: toolbar and banners above, watchlist | chart | spike list in the middle, the status
 * bar below, and the keyboard shortcuts. State lives in the pane view models of {@link MainViewModel}; the
 * panes only bind and forward gestures.
 */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final ChartGrid charts;
    private final javafx.scene.control.TabPane spikeList;
    private final PriceVolumeChart chart;
    private final WatchlistPane watchlist;
    private final MainToolbar toolbar;
    private final ChartControls chartControls;
    private final SplitPane split = new SplitPane();
    private final PaneArrangement arrangement;
    private final Timeline pulse;
    private java.util.function.BiFunction<String, Path, Path> exportChooser = this::chooseExportFile;
    private javafx.stage.Stage studyWindow;
    private ShortcutHelp help;

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        getStylesheets().add(Themes.stylesheet());
        watchlist = new WatchlistPane(model.watchlist());
        charts = new ChartGrid(model);
        chart = charts.pane(0).chart();
        chartControls = charts.pane(0).controls();
        toolbar = new MainToolbar(model, chart, chartControls, this::exportSelection);
        // Settings sits beside the toolbar, not in it: a narrow window moves toolbar items into an overflow menu
        Button settings = new Button("Settings…");
        settings.setId("settingsButton");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setOnAction(event -> SettingsDialog.show(getScene().getWindow(), model));
        HBox.setHgrow(toolbar, Priority.ALWAYS);
        HBox top = new HBox(6, toolbar, layoutChoice(model.layout()), settings);
        top.setAlignment(javafx.geometry.Pos.CENTER);
        top.getStyleClass().add("top-bar");
        setTop(top);
        // banners lie over the top of the panes: showing one does not push the whole layout down
        VBox banners = new VBox(StatusBar.notRecordingBanner(model.status()), StatusBar.errorBanner(model.status()),
                StatusBar.noticeBanner(model.status()));
        banners.setPickOnBounds(false);
        banners.setMaxHeight(Region.USE_PREF_SIZE);
        javafx.scene.layout.StackPane.setAlignment(banners, javafx.geometry.Pos.TOP_CENTER);
        chart.setOnSelect((from, to) -> model.history().select(from, to, chart.shownBars()));
        javafx.scene.control.Label emptyDay = new javafx.scene.control.Label();
        emptyDay.setId("emptyDay");
        emptyDay.getStyleClass().add("empty-day");
        emptyDay.textProperty().bind(model.history().emptyDayProperty());
        emptyDay.visibleProperty().bind(emptyDay.textProperty().isNotNull());
        emptyDay.setMouseTransparent(true);
        charts.pane(0).overlay(emptyDay);
        javafx.scene.layout.StackPane chartPane = new javafx.scene.layout.StackPane(charts, AlertToast.of(model.alerts(), this::showAlert));
        SpikeListPane spikeListPane = new SpikeListPane(model.spikes(), this::centreOn);
        // the study of many days' spikes opens from under the day's own list, not the (full) toolbar
        Button study = new Button("Study spikes over days…");
        study.setId("studyOpenButton");
        study.setPrefWidth(0); // takes the pane's width, never widens it
        study.setMaxWidth(Double.MAX_VALUE);
        study.setTooltip(new javafx.scene.control.Tooltip("What the price did after the stored spikes of a range of days"));
        study.setOnAction(event -> {
            if (studyWindow == null) { // one window; closing it only hides it
                studyWindow = dev.tapewatch.ui.study.StudyView.open(getScene().getWindow(), model.study());
            }
            studyWindow.show();
            studyWindow.toFront();
        });
        VBox.setVgrow(spikeListPane, Priority.ALWAYS);
        javafx.scene.control.Tab spikesTab = new javafx.scene.control.Tab("Spikes", new VBox(4, spikeListPane, study));
        spikesTab.setId("spikesTab");
        javafx.scene.control.Tab alertsTab = new javafx.scene.control.Tab("Alerts",
                new AlertsPane(model.alerts(), model.watchlist(), this::showAlert));
        alertsTab.setId("alertsTab");
        var movers = new dev.tapewatch.ui.movers.MoversPane(model.movers(), this::chartMover);
        javafx.scene.control.Tab moversTab = new javafx.scene.control.Tab("Movers",
                ShortPanes.fitted(new javafx.scene.control.ScrollPane(movers)));
        moversTab.setId("moversTab");
        spikeList = new javafx.scene.control.TabPane(spikesTab, alertsTab, moversTab);
        spikeList.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        spikeList.minWidthProperty().bind(spikeListPane.minWidthProperty());
        spikeList.prefWidthProperty().bind(spikeListPane.prefWidthProperty().add(4));
        arrangement = new PaneArrangement(split, watchlist, chartPane, spikeList,
                WindowLayout.dividersSaved(model));
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(split, banners);
        setCenter(center);
        setBottom(new StatusBar(model.status(), model.history(), model.replay(), model.tasks()));
        model.watchlist().selectedProperty().addListener((o, was, now) -> chart.selection(null, null));
        model.history().selectionProperty().addListener((o, was, now) -> chart.selection(
                now == null ? null : now.from(), now == null ? null : now.to()));
        pulse = new Timeline(new KeyFrame(Duration.millis(250), event -> {
            model.refresh();
            charts.refresh();
        }));
        pulse.setCycleCount(Timeline.INDEFINITE);
        pulse.play();
        Shortcuts table = shortcuts();
        help = new ShortcutHelp(table.all());
        center.getChildren().add(help);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                table.install(scene);
            }
        });
    }

    /** 1, 2 or 4 charts. */
    private static javafx.scene.control.ChoiceBox<Integer> layoutChoice(ChartLayout layout) {
        javafx.scene.control.ChoiceBox<Integer> layoutChoice = new javafx.scene.control.ChoiceBox<>();
        layoutChoice.setId("layoutChoice");
        layoutChoice.getItems().setAll(ChartLayout.COUNTS);
        layoutChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer count) {
                return count == null ? "" : count == 1 ? "1 chart" : count + " charts";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.split(" ")[0]);
            }
        });
        layoutChoice.setValue(layout.countProperty().get());
        layoutChoice.valueProperty().addListener((o, was, now) -> layout.countProperty().set(now));
        layout.countProperty().addListener((o, was, now) -> layoutChoice.setValue(now.intValue())); // from the keys
        layoutChoice.setTooltip(new javafx.scene.control.Tooltip("How many charts: each has its own symbol and step;"
                + " their time is linked"));
        layoutChoice.setPrefWidth(96);
        layoutChoice.setMinWidth(Region.USE_PREF_SIZE);
        return layoutChoice;
    }

    /** How much of the day shows either side of an alert's second. */
    private static final long ALERT_SPAN_MS = 150_000;

    private void centreOn(Spike spike) {
        model.watchlist().select(spike.symbol());
        chartControls.stopFollowing();
        chartControls.fineEnoughFor(spike.end() - spike.start());
        // the spike a tenth of the view: narrow enough that its seconds get candles of their own
        long half = Math.max(30_000, (spike.end() - spike.start()) * 5);
        Platform.runLater(() -> chart.range(spike.start() - half, spike.end() + half));
    }

    /** The alert's symbol in the first chart, centred on the alert's second, its day loaded if not shown. */
    private void showAlert(dev.tapewatch.alert.Alert alert) {
        if (model.watchlist().rows().stream().noneMatch(row -> row.symbol().equals(alert.symbol()))) {
            model.watchlist().addSymbol(alert.symbol());
        }
        model.watchlist().select(alert.symbol());
        chartControls.stopFollowing();
        long from = alert.time() - ALERT_SPAN_MS;
        long to = alert.time() + ALERT_SPAN_MS;
        java.time.LocalDate day = dev.tapewatch.market.ExchangeTime.dayOf(alert.time());
        DayData shown = model.history().dayProperty().get();
        boolean live = model.history().modeProperty().get() == HistoryViewModel.Mode.LIVE;
        if (!live && (shown == null || !shown.day().equals(day)) || live && !day.equals(model.liveDay())) {
            javafx.concurrent.Task<DayData> load = model.history().loadDay(day);
            if (load != null) {
                load.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED,
                        event -> Platform.runLater(() -> chart.range(from, to)));
                return;
            }
        }
        Platform.runLater(() -> chart.range(from, to));
    }

    /** A mover in the first chart (added to the watchlist if need be), two minutes around its move: seconds show. */
    private void chartMover(dev.tapewatch.movers.Mover mover) {
        model.watchlist().addTraded(mover.symbol());
        chartControls.stopFollowing();
        Platform.runLater(() -> chart.range(mover.startMs() - 60_000, mover.startMs() + 60_000));
    }

    private void exportSelection() {
        if (model.history().selectionProperty().get() == null) {
            return;
        }
        Path target = exportChooser.apply(model.history().suggestedExportName(), model.exportFolder());
        if (target != null) {
            model.exportedTo(target);
            model.history().exportSelection(target);
        }
    }

    private Path chooseExportFile(String suggestedName, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export selection as CSV or Parquet");
        chooser.setInitialFileName(suggestedName);
        chooser.setInitialDirectory(folder.toFile());
        FileChooser.ExtensionFilter parquet = new FileChooser.ExtensionFilter("Parquet", "*.parquet");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"), parquet);
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return null;
        }
        String name = file.getName();
        if (chooser.getSelectedExtensionFilter() == parquet && !name.endsWith(".parquet")) { // the suggested .csv
            name = (name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name) + ".parquet";
        }
        return file.toPath().resolveSibling(name);
    }

    /** Replaces the file chooser (tests pick the file without a native dialog): (suggested name, folder) to file. */
    void setExportChooser(java.util.function.BiFunction<String, Path, Path> chooser) {
        this.exportChooser = chooser;
    }

    /** How far Alt+Shift+Right and Alt+Shift+Left move a replay. */
    private static final long SKIP_MS = 60_000;

    /** Every shortcut of the window, in the one table the scene registers and the help lists. */
    private Shortcuts shortcuts() {
        HistoryViewModel history = model.history();
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        KeyCombination.Modifier alt = KeyCombination.ALT_DOWN;
        KeyCombination.Modifier shift = KeyCombination.SHIFT_DOWN;
        String window = "Window";
        String panes = "Panes";
        String chart = "The chart the keys act on";
        String days = "Days, replay and export";
        Shortcuts table = new Shortcuts()
                .add(keys(KeyCode.F1), window, "Show or hide these shortcuts", () -> help.toggle())
                .typed("?", window, "The same, outside a text field", () -> help.toggle())
                .add(keys(KeyCode.ESCAPE), window, "Close this list, else clear the selection",
                        () -> {
                            if (help.showing()) {
                                help.close();
                            } else {
                                history.clearSelection();
                            }
                        })
                .add(keys(KeyCode.COMMA, ctrl), window, "Settings", () -> SettingsDialog.show(getScene().getWindow(), model))
                .add(keys(KeyCode.T, ctrl), window, "Dark or light theme", this::switchTheme);
        for (int count : ChartLayout.COUNTS) {
            table.add(keys(KeyCode.valueOf("DIGIT" + count), ctrl), window, count == 1 ? "One chart" : count + " charts",
                    () -> model.layout().countProperty().set(count));
        }
        table.add(keys(KeyCode.F, ctrl), panes, "Search: add a symbol", watchlist::focusSearch)
                .add(keys(KeyCode.W, alt), panes, "Watchlist", watchlist::focusTable)
                .add(keys(KeyCode.S, alt), panes, "Spikes", () -> focusTab("spikesTab", "#spikeTable"))
                .add(keys(KeyCode.A, alt), panes, "Alerts", () -> focusTab("alertsTab", "#alertLog"))
                .add(keys(KeyCode.M, alt), panes, "Movers", () -> focusTab("moversTab", "#moversTable"));
        for (int i = 0; i < ChartLayout.MOST; i++) {
            int index = i;
            table.add(keys(KeyCode.valueOf("DIGIT" + (i + 1)), alt), chart, "Chart " + (i + 1) + " of the layout",
                    () -> charts.keyTo(index));
        }
        table.add(keys(KeyCode.F, ctrl, shift), chart, "Follow live", () -> charts.keyed().controls().flip("followButton"))
                .add(keys(KeyCode.C, ctrl, shift), chart, "Candles or a close line",
                        () -> charts.keyed().controls().flip("candlesButton"))
                .add(keys(KeyCode.V, ctrl, shift), chart, "VWAP", () -> charts.keyed().controls().flip("vwapButton"))
                .add(keys(KeyCode.M, ctrl, shift), chart, "MA 20/50", () -> charts.keyed().controls().flip("meansButton"))
                .add(keys(KeyCode.L, ctrl), days, "Back to live (ends a replay)", model::goLive)
                .add(keys(KeyCode.LEFT, alt), days, "Previous stored day", () -> history.stepDay(-1))
                .add(keys(KeyCode.RIGHT, alt), days, "Next stored day", () -> history.stepDay(1))
                .add(keys(KeyCode.RIGHT, alt, shift), days, "Replay: a minute on", () -> model.replay().skip(SKIP_MS))
                .add(keys(KeyCode.LEFT, alt, shift), days, "Replay: a minute back", () -> model.replay().skip(-SKIP_MS))
                .add(keys(KeyCode.A, ctrl, shift), days, "Audit the shown day", () -> toolbar.press("auditButton"))
                .add(keys(KeyCode.R, ctrl), days, "Replay from the selection or the chart's left edge",
                        () -> toolbar.press("replayButton"))
                .add(keys(KeyCode.P, ctrl), days, "Pause or resume the replay", () -> toolbar.press("replayPause"))
                .add(keys(KeyCode.E, ctrl), days, "Export the selection",
                        this::exportSelection);
        return table;
    }

    private static KeyCombination keys(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    /** The other theme, remembered; nothing else changes (a replay goes on). */
    private void switchTheme() {
        Themes.apply(model.config(), Themes.darkProperty().get() ? "light" : "dark");
        model.saveSettings();
    }

    /** A tab of the side pane to the front, its list taking the keys. */
    private void focusTab(String tab, String list) {
        showTab(tab);
        spikeList.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst()
                .map(t -> t.getContent().lookup(list)).ifPresent(javafx.scene.Node::requestFocus);
    }

    /** Picks a live time window by its label (e.g. "15 min"). */
    public void selectWindow(String label) {
        chartControls.selectWindow(label);
    }

    PriceVolumeChart chart() {
        return chart;
    }

    /** Places a price alert line {@code offset} above a symbol's last price (the screenshot tool's step). */
    public void showAlertLineAtLast(String symbol, double offset) {
        model.watchlist().rows().stream().filter(row -> row.symbol().equals(symbol)).findFirst()
                .filter(row -> !Double.isNaN(row.lastProperty().get()))
                .ifPresent(row -> model.alerts().addLevel(symbol, row.lastProperty().get() + offset,
                        model.shownDay()));
    }

    /** Brings the alert log to the front. */
    public void showAlerts() {
        showTab("alertsTab");
    }

    /** Brings a tab of the side pane to the front by its id ("spikesTab", "alertsTab", "moversTab"). */
    void showTab(String id) {
        spikeList.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                .ifPresent(tab -> spikeList.getSelectionModel().select(tab));
    }

    ChartGrid charts() {
        return charts;
    }

    SplitPane split() {
        return split;
    }

    PaneArrangement arrangement() {
        return arrangement;
    }

    /** Stops the pulse and the chart feeder (the model is closed by the app). */
    public void dispose() {
        pulse.stop();
        for (int i = 0; i < ChartLayout.MOST; i++) {
            model.chart(i).close();
        }
    }
}
