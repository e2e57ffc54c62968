package dev.tapewatch.ui;

import dev.tapewatch.app.LiveSession;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The main window's scene graph: watchlist on the left, the chart in the middle, the spike list on the right,
 * a toolbar above and a status bar below. All state lives in {@link MainViewModel}; this class only binds.
 */
public final class MainView extends BorderPane {
    static final List<String> WINDOWS = List.of("1 min", "5 min", "15 min", "1 h", "day");
    private static final long[] WINDOW_MILLIS = {60_000, 300_000, 900_000, 3_600_000, 16 * 3_600_000};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MainViewModel model;
    private final PriceVolumeChart chart = new PriceVolumeChart();
    private final TableView<QuoteRow> watchlist = new TableView<>();
    private final TableView<Spike> spikeTable = new TableView<>();
    private final TextField search = new TextField();
    private final ListView<String> suggestions = new ListView<>();
    private final ChoiceBox<String> window = new ChoiceBox<>();
    private final ToggleButton follow = new ToggleButton("Follow live");
    private final ToggleButton candles = new ToggleButton("Candles");
    private final DatePicker datePicker = new DatePicker();
    private final SplitPane split = new SplitPane();
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chart-feeder");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rangePending = new AtomicBoolean();
    private final Timeline pulse;
    private volatile LiveSession session;
    private volatile String liveSymbol;
    private volatile boolean live;
    private volatile boolean following = true;
    private volatile long windowMillis = WINDOW_MILLIS[1];
    private volatile List<Spike> liveSpikes = List.of();
    private long shownVersion = -1;
    private String shownSymbol;
    private int bandedSpikes = -1;
    private Function<String, Path> exportChooser = this::chooseExportFile;

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        setTop(new VBox(toolbar(), notRecordingBanner(), errorBanner()));
        split.getItems().addAll(watchlistPane(), chartPane(), spikePane());
        split.setDividerPositions(0.21, 0.75);
        setCenter(split);
        setBottom(statusBar());
        bindModel();
        pulse = new Timeline(new KeyFrame(Duration.millis(250), event -> onPulse()));
        pulse.setCycleCount(Timeline.INDEFINITE);
        pulse.play();
        feeder.scheduleWithFixedDelay(this::feedChart, 33, 33, TimeUnit.MILLISECONDS);
        installShortcuts();
    }

    // ---- layout ----

    private ToolBar toolbar() {
        Button liveButton = new Button("Live");
        liveButton.setId("liveButton");
        liveButton.setTooltip(new Tooltip("Back to the live chart (Ctrl+L)"));
        liveButton.setOnAction(event -> model.goLive());
        window.getItems().setAll(WINDOWS);
        window.setValue(WINDOWS.get(1));
        window.setTooltip(new Tooltip("Live time window"));
        window.valueProperty().addListener((o, was, now) -> {
            windowMillis = WINDOW_MILLIS[WINDOWS.indexOf(now)];
            following = true;
            follow.setSelected(true);
            shownVersion = -1;
        });
        follow.setId("followButton");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest bars in view (pauses when you zoom or pan)"));
        follow.selectedProperty().addListener((o, was, now) -> {
            following = now;
            shownVersion = -1;
        });
        candles.setSelected(true);
        candles.setTooltip(new Tooltip("Candles or a close line"));
        candles.selectedProperty().addListener((o, was, now) -> chart.showCandles(now));
        datePicker.setId("datePicker");
        datePicker.setPromptText("Day (history)");
        datePicker.setPrefWidth(140);
        datePicker.setOnAction(event -> {
            if (datePicker.getValue() != null) {
                model.loadDay(datePicker.getValue());
            }
        });
        Button previous = new Button("◀");
        previous.setTooltip(new Tooltip("Previous stored day (Alt+Left)"));
        previous.setOnAction(event -> model.stepDay(-1));
        Button next = new Button("▶");
        next.setTooltip(new Tooltip("Next stored day (Alt+Right)"));
        next.setOnAction(event -> model.stepDay(1));
        Button export = new Button("Export selection…");
        export.setId("exportButton");
        export.setTooltip(new Tooltip("Shift-drag across the chart to select, then export as CSV (Ctrl+E)"));
        export.disableProperty().bind(model.selectionProperty().isNull());
        export.setOnAction(event -> exportSelection());
        Button audit = new Button("Audit this day");
        audit.setId("auditButton");
        audit.setTooltip(new Tooltip("Compare the shown day with the provider's own second bars: drops show in red"));
        audit.disableProperty().bind(model.modeProperty().isNotEqualTo(MainViewModel.Mode.HISTORY)
                .or(model.busyProperty()));
        audit.setOnAction(event -> model.auditDay());
        Label audited = new Label();
        audited.setId("auditResult");
        audited.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var report = model.auditProperty().get();
            return report == null ? "" : String.format("Audit: %,d equal · %,d missing · %,d only here · %,d revised",
                    report.equal(), report.missingHere().size(), report.missingThere().size(),
                    report.revised().size());
        }, model.auditProperty()));
        Button settings = new Button("Settings…");
        settings.setId("settingsButton");
        settings.setOnAction(event -> SettingsDialog.show(getScene().getWindow(), model));
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(event -> model.cancel());
        Label task = new Label();
        task.textProperty().bind(model.progressTextProperty());
        task.visibleProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(liveButton, window, follow, candles, new Separator(Orientation.VERTICAL), previous,
                datePicker, next, audit, audited, new Separator(Orientation.VERTICAL), export, progress, task, cancel,
                spacer, settings);
    }

    private HBox errorBanner() {
        Label message = new Label();
        message.setId("errorMessage");
        message.textProperty().bind(model.errorProperty());
        message.setWrapText(true);
        Button details = new Button("Details");
        details.setOnAction(event -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, model.errorProperty().get());
            TextArea text = new TextArea(model.errorDetailProperty().get());
            text.setEditable(false);
            alert.getDialogPane().setExpandableContent(text);
            alert.initOwner(getScene().getWindow());
            alert.show();
        });
        Button dismiss = new Button("✕");
        dismiss.setOnAction(event -> model.dismissError());
        HBox banner = new HBox(8, message, details, dismiss);
        HBox.setHgrow(message, Priority.ALWAYS);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.getStyleClass().add("error-banner");
        banner.setStyle("-fx-background-color: -color-danger-subtle;");
        banner.visibleProperty().bind(model.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Red and always in view while received bars cannot be stored: the recording is not what it seems. */
    private Label notRecordingBanner() {
        Label banner = new Label();
        banner.setId("notRecording");
        banner.textProperty().bind(model.notRecordingProperty());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis;"
                + " -fx-font-weight: bold;");
        banner.visibleProperty().bind(model.notRecordingProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private VBox watchlistPane() {
        search.setId("search");
        search.setPromptText("Add symbol (Ctrl+F)");
        suggestions.setId("suggestions");
        suggestions.setPrefHeight(160);
        suggestions.setVisible(false);
        suggestions.setManaged(false);
        suggestions.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String symbol, boolean empty) {
                super.updateItem(symbol, empty);
                setText(empty || symbol == null ? null : symbol + "  " + model.companyName(symbol));
            }
        });
        search.textProperty().addListener((o, was, now) -> {
            List<String> found = model.suggestions(now);
            suggestions.getItems().setAll(found);
            suggestions.setVisible(!found.isEmpty());
            suggestions.setManaged(!found.isEmpty());
        });
        search.setOnAction(event -> addFromSearch(suggestions.getItems().isEmpty() ? search.getText()
                : suggestions.getItems().get(0)));
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !suggestions.getItems().isEmpty()) {
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
            }
        });
        suggestions.setOnMouseClicked(event -> addFromSearch(suggestions.getSelectionModel().getSelectedItem()));
        suggestions.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                addFromSearch(suggestions.getSelectionModel().getSelectedItem());
            }
        });

        watchlist.setId("watchlist");
        watchlist.setItems(model.watchlist());
        watchlist.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<QuoteRow, String> symbol = new TableColumn<>("Symbol");
        symbol.setCellValueFactory(row -> Bindings.createStringBinding(() -> row.getValue().symbol()
                + (row.getValue().recentSpikeProperty().get() ? "  ⚡" : ""), row.getValue().recentSpikeProperty()));
        TableColumn<QuoteRow, Number> last = numberColumn("Last", QuoteRow::lastProperty, "%.2f");
        TableColumn<QuoteRow, Number> change = numberColumn("Chg %", QuoteRow::changePercentProperty, "%+.2f");
        TableColumn<QuoteRow, Number> volume = numberColumn("Volume", QuoteRow::volumeProperty, "%,.0f");
        symbol.setMinWidth(70);
        volume.setMinWidth(90);
        watchlist.getColumns().setAll(List.of(symbol, last, change, volume));
        watchlist.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.select(now.symbol());
            }
        });
        watchlist.setOnKeyPressed(event -> {
            QuoteRow selected = watchlist.getSelectionModel().getSelectedItem();
            if ((event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) && selected != null) {
                model.removeSymbol(selected.symbol());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeButton");
        remove.disableProperty().bind(watchlist.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> model.removeSymbol(watchlist.getSelectionModel().getSelectedItem().symbol()));
        VBox pane = new VBox(6, search, suggestions, watchlist, remove);
        VBox.setVgrow(watchlist, Priority.ALWAYS);
        pane.setPadding(new Insets(6));
        pane.setMinWidth(300);
        return pane;
    }

    private static TableColumn<QuoteRow, Number> numberColumn(String title,
            Function<QuoteRow, javafx.beans.value.ObservableValue<Number>> value, String format) {
        TableColumn<QuoteRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> value.apply(row.getValue()));
        column.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null || Double.isNaN(number.doubleValue()) ? null
                        : String.format(Locale.ROOT, format, number.doubleValue()));
                setAlignment(Pos.CENTER_RIGHT);
                getStyleClass().removeAll("up", "down");
                if (!empty && number != null && title.startsWith("Chg") && !Double.isNaN(number.doubleValue())) {
                    setStyle(number.doubleValue() >= 0 ? "-fx-text-fill: -color-success-fg;"
                            : "-fx-text-fill: -color-danger-fg;");
                } else {
                    setStyle(null);
                }
            }
        });
        return column;
    }

    private VBox chartPane() {
        chart.setId("chart");
        chart.setOnSelect((from, to) -> model.select(from, to, chart.shownBars()));
        chart.setOnUserMove(() -> Platform.runLater(() -> follow.setSelected(false)));
        VBox pane = new VBox(chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return pane;
    }

    private VBox spikePane() {
        spikeTable.setId("spikeTable");
        spikeTable.setItems(model.spikes());
        spikeTable.setPlaceholder(new Label("No spikes yet"));
        spikeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Spike, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(row -> new javafx.beans.property.SimpleStringProperty(
                CLOCK.format(ExchangeTime.localDateTime(row.getValue().start()))));
        TableColumn<Spike, String> symbol = new TableColumn<>("Symbol");
        symbol.setCellValueFactory(row -> new javafx.beans.property.SimpleStringProperty(row.getValue().symbol()));
        TableColumn<Spike, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(row -> new javafx.beans.property.SimpleStringProperty(
                row.getValue().kind().name().toLowerCase(Locale.ROOT)));
        TableColumn<Spike, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(row -> new javafx.beans.property.SimpleStringProperty(
                String.format(Locale.ROOT, "%.1f", row.getValue().peakScore())));
        TableColumn<Spike, String> multiple = new TableColumn<>("× avg");
        multiple.setCellValueFactory(row -> new javafx.beans.property.SimpleStringProperty(
                String.format(Locale.ROOT, "%.1f×", row.getValue().volumeMultiple())));
        time.setMinWidth(72);
        symbol.setMinWidth(60);
        spikeTable.getColumns().setAll(List.of(time, symbol, kind, score, multiple));
        spikeTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                centreOn(now);
            }
        });
        Label title = new Label("Spikes");
        title.getStyleClass().add("title-4");
        VBox pane = new VBox(6, title, spikeTable);
        VBox.setVgrow(spikeTable, Priority.ALWAYS);
        pane.setPadding(new Insets(6));
        pane.setMinWidth(300);
        return pane;
    }

    private HBox statusBar() {
        Label state = new Label();
        state.setId("feedState");
        state.textProperty().bind(Bindings.concat("Feed: ", model.feedStateProperty()));
        Label provider = new Label();
        provider.setId("provider");
        provider.textProperty().bind(model.providerProperty());
        provider.setStyle("-fx-background-color: -color-accent-subtle; -fx-padding: 1 6 1 6;"
                + " -fx-background-radius: 8;");
        Label rates = new Label();
        rates.setId("rates");
        rates.textProperty().bind(model.ratesProperty());
        Label selection = new Label();
        selection.setId("selectionInfo");
        selection.textProperty().bind(Bindings.createStringBinding(() -> {
            MainViewModel.Selection current = model.selectionProperty().get();
            return current == null ? "" : String.format(Locale.ROOT, "Selection %s–%s · %d bars · %,.0f shares",
                    CLOCK.format(ExchangeTime.localDateTime(current.from())),
                    CLOCK.format(ExchangeTime.localDateTime(current.to())), current.bars(), current.volume());
        }, model.selectionProperty()));
        Label database = new Label();
        database.textProperty().bind(Bindings.concat("DB: ", model.databaseProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, state, provider, rates, selection, spacer, database);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---- behaviour ----

    private void bindModel() {
        model.sessionProperty().addListener((o, was, now) -> session = now);
        model.selectedSymbolProperty().addListener((o, was, now) -> {
            liveSymbol = now;
            bandedSpikes = -1;
            selectRow(now);
            chart.selection(null, null);
        });
        model.modeProperty().addListener((o, was, now) -> {
            live = now == MainViewModel.Mode.LIVE;
            shownVersion = -1;
            bandedSpikes = -1;
            if (live) {
                follow.setSelected(true);
                datePicker.setValue(null);
            }
        });
        model.dayProperty().addListener((o, was, day) -> {
            if (day != null) {
                showDay(day);
            }
        });
        model.selectionProperty().addListener((o, was, now) -> chart.selection(now == null ? null : now.from(),
                now == null ? null : now.to()));
    }

    private void selectRow(String symbol) {
        for (QuoteRow row : watchlist.getItems()) {
            if (row.symbol().equals(symbol) && watchlist.getSelectionModel().getSelectedItem() != row) {
                watchlist.getSelectionModel().select(row);
            }
        }
    }

    private void showDay(DayData day) {
        datePicker.setValue(day.day());
        follow.setSelected(false);
        if (feeder.isShutdown()) {
            return; // the window is closing
        }
        feeder.execute(() -> {
            chart.show(day.bars(), day.spikes());
            Platform.runLater(() -> {
                chart.bands(day.spikes(), day.gaps(), day.missing());
                if (!day.bars().isEmpty()) {
                    chart.range(day.bars().get(0).start(), day.bars().get(day.bars().size() - 1).end());
                } else {
                    chart.range(ExchangeTime.toEpochMillis(day.day(), ExchangeTime.PRE_MARKET_OPEN),
                            ExchangeTime.toEpochMillis(day.day(), ExchangeTime.AFTER_HOURS_CLOSE));
                }
            });
        });
    }

    /** FX thread, four times a second: numbers into the model, spike bands for the live symbol. */
    private void onPulse() {
        model.refresh();
        if (live && liveSymbol != null) {
            List<Spike> ofSymbol = model.spikes().stream().filter(s -> s.symbol().equals(liveSymbol)).toList();
            liveSpikes = ofSymbol;
            if (ofSymbol.size() != bandedSpikes) {
                bandedSpikes = ofSymbol.size();
                chart.bands(ofSymbol.subList(Math.max(0, ofSymbol.size() - 100), ofSymbol.size()), List.of(),
                        List.of());
                shownVersion = -1;
            }
        }
    }

    /** Chart feeder thread, at most 30 times a second: new live bars into the data sets. */
    private void feedChart() {
        LiveSession current = session;
        String symbol = liveSymbol;
        if (!live || current == null || symbol == null) {
            return;
        }
        try {
            long version = current.series().version(symbol);
            long now = current.marketClock().getAsLong();
            if (version != shownVersion || !symbol.equals(shownSymbol)) {
                shownVersion = version;
                shownSymbol = symbol;
                long from = following ? now - windowMillis - 60_000 : 0;
                chart.show(current.series().bars(symbol, from, Long.MAX_VALUE), liveSpikes);
            }
            if (following && rangePending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    rangePending.set(false);
                    if (following && live) {
                        long end = current.marketClock().getAsLong();
                        chart.range(end - windowMillis, end + 1000);
                    }
                });
            }
        } catch (RuntimeException e) {
            // never let the feeder die; the next tick tries again
            org.slf4j.LoggerFactory.getLogger(MainView.class).warn("Chart update failed", e);
        }
    }

    private void centreOn(Spike spike) {
        if (!spike.symbol().equals(model.selectedSymbolProperty().get())) {
            model.select(spike.symbol());
        }
        follow.setSelected(false);
        long half = Math.max(150_000, (spike.end() - spike.start()) * 3);
        Platform.runLater(() -> chart.range(spike.start() - half, spike.end() + half));
    }

    private void addFromSearch(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Optional<String> problem = model.addSymbol(text);
        if (problem.isPresent()) {
            search.setStyle("-fx-border-color: -color-danger-emphasis;");
            search.setTooltip(new Tooltip(problem.get()));
        } else {
            search.setStyle(null);
            search.setTooltip(null);
            search.clear();
        }
    }

    private void exportSelection() {
        if (model.selectionProperty().get() == null) {
            return;
        }
        Path target = exportChooser.apply(model.suggestedExportName());
        if (target != null) {
            model.exportSelection(target);
        }
    }

    private Path chooseExportFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export selection as CSV");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    /** Replaces the file chooser (tests pick the file without a native dialog). */
    void setExportChooser(Function<String, Path> chooser) {
        this.exportChooser = chooser;
    }

    private void installShortcuts() {
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                    this::exportSelection);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                    model::goLive);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                    search::requestFocus);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN),
                    () -> model.stepDay(-1));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN),
                    () -> model.stepDay(1));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), model::clearSelection);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                    () -> SettingsDialog.show(getScene().getWindow(), model));
        });
    }

    /** Picks a live time window by its label (e.g. "15 min"). */
    void selectWindow(String label) {
        window.setValue(label);
    }

    PriceVolumeChart chart() {
        return chart;
    }

    SplitPane split() {
        return split;
    }

    /** Stops the pulse and the feeder (the model is closed by the app). */
    void dispose() {
        pulse.stop();
        feeder.shutdownNow();
    }
}
