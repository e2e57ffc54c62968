package dev.tapewatch.ui.alerts;

import dev.tapewatch.alert.Alert;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.InputProblem;
import dev.tapewatch.ui.common.ShortPanes;
import dev.tapewatch.ui.watchlist.WatchlistViewModel;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The alert log with what alerts fire on: spikes (minimum score, symbols), price levels, rules, sound, desktop. Binds
 * only. The log comes first and keeps room for a few alerts; where the pane is short (the side panes stacked under the
 * watchlist of a laptop-sized window) the lines and rules below it scroll rather than squeezing the log.
 */
public final class AlertsPane extends ScrollPane {
    /** Three alerts of three lines each (a narrow pane wraps one so): what the log keeps however short the pane. */
    private static final double LOG_MIN_HEIGHT = 180;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern(
            "EEE d MMM yyyy", java.util.Locale.ROOT);

    /** {@code show} charts an alert's symbol at its second (a click on a log row). */
    public AlertsPane(AlertsViewModel alerts, WatchlistViewModel watchlist, java.util.function.Consumer<Alert> show) {
        setId("alertsScroll");
        ShortPanes.fitted(this);
        CheckBox spikes = new CheckBox("Spikes");
        spikes.setId("alertSpikes");
        spikes.selectedProperty().bindBidirectional(alerts.spikesOnProperty());
        Spinner<Double> minimum = new Spinner<>(0.0, 100.0, alerts.minimumScoreProperty().get(), 0.5);
        minimum.setId("alertMinScore");
        minimum.setPrefWidth(80);
        minimum.setTooltip(new Tooltip("Alert only on spikes scoring at least this"));
        minimum.valueProperty().addListener((o, was, now) -> alerts.minimumScoreProperty().set(now));
        MenuButton symbols = new MenuButton("Symbols");
        symbols.setId("alertSymbols");
        symbols.setTooltip(new Tooltip("Which watched symbols alert on spikes"));
        symbols.setOnShowing(event -> symbols.getItems().setAll(watchlist.rows().stream().map(row -> {
            CheckMenuItem item = new CheckMenuItem(row.symbol());
            item.setSelected(!alerts.muted(row.symbol()));
            item.selectedProperty().addListener((o, was, now) -> alerts.mute(row.symbol(), !now));
            return item;
        }).toList()));
        CheckBox sound = new CheckBox("Sound");
        sound.selectedProperty().bindBidirectional(alerts.soundProperty());
        CheckBox desktop = new CheckBox("Desktop");
        desktop.setTooltip(new Tooltip("The desktop's notifications (notify-send on Linux, the system tray elsewhere)"));
        desktop.selectedProperty().bindBidirectional(alerts.desktopProperty());
        FlowPane settings = new FlowPane(8, 4, spikes, new Label("min score"), minimum, symbols, sound, desktop);

        ListView<String> levels = new ListView<>();
        levels.setId("alertLevels");
        levels.setPrefHeight(90);
        levels.setMinHeight(56);
        levels.setPlaceholder(new Label("Alt+click the chart to set a price alert line"));
        Runnable showLevels = () -> levels.getItems().setAll(alerts.levels().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(entry -> entry.getValue().stream().map(p -> entry.getKey() + " " + ChartFormat.price(p)
                        + "  (" + (alerts.lineDay(entry.getKey(), p) == null ? "standing"
                                : DAY.format(alerts.lineDay(entry.getKey(), p))) + ")"
                        + (alerts.fired(entry.getKey(), p) ? "  (alerted; move it to arm it again)" : "")))
                .toList());
        alerts.levels().addListener((MapChangeListener<String, List<Double>>) change -> showLevels.run());
        alerts.log().addListener((javafx.collections.ListChangeListener<Alert>) change -> showLevels.run());
        showLevels.run();
        Button remove = new Button("Remove line");
        remove.disableProperty().bind(levels.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            String[] parts = levels.getSelectionModel().getSelectedItem().split(" ");
            alerts.removeLevel(parts[0], Double.parseDouble(parts[1]));
        });

        javafx.scene.control.TextArea rules = new javafx.scene.control.TextArea(alerts.rulesTextProperty().get());
        rules.setId("alertRules");
        rules.setPrefRowCount(3);
        rules.setMinHeight(52);
        rules.setWrapText(true); // a long rule (and the prompt) shows whole; a line break still ends a rule
        // a prompt loses its line breaks (TextInputControl drops them), so the examples are set apart by dots
        rules.setPromptText("One rule a line, e.g. SPY above 471.5 · * change 2% over 5m rearm 30m · AAPL vwap"
                + " · * high · * rvol 3");
        rules.setTooltip(new Tooltip("One rule a line: SYMBOL or * (every watched symbol), then above/below PRICE,"
                + " change [+|-]N% [over Nm], vwap, high, low or rvol N; 'rearm 0.5%' or 'rearm 10m' to fire again"));
        Button apply = new Button("Apply rules");
        apply.setId("alertRulesApply");
        apply.setOnAction(event -> alerts.rulesTextProperty().set(rules.getText()));
        Label problem = InputProblem.label("alertRulesProblem", javafx.beans.binding.Bindings.createStringBinding(
                () -> alerts.rulesProblemProperty().get() == null ? null : InputProblem.of("Rules",
                        alerts.rulesProblemProperty().get(), "Correct it and press Apply rules"),
                alerts.rulesProblemProperty()));

        ListView<Alert> log = new ListView<>(alerts.log());
        log.setId("alertLog");
        log.setPlaceholder(new Label("No alerts yet"));
        log.setCellFactory(list -> {
            ListCell<Alert> cell = new ListCell<>() {
                @Override
                protected void updateItem(Alert alert, boolean empty) {
                    super.updateItem(alert, empty);
                    setText(empty || alert == null ? null : alert.text());
                }
            };
            cell.setWrapText(true); // the whole text, on as many lines as it takes
            cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
            cell.setOnMouseClicked(event -> {
                if (!cell.isEmpty() && cell.getItem() != null) {
                    show.accept(cell.getItem());
                }
            });
            return cell;
        });
        log.setMinHeight(LOG_MIN_HEIGHT);
        log.setPrefHeight(2 * LOG_MIN_HEIGHT);
        VBox.setVgrow(log, Priority.ALWAYS);
        AlertLogViewModel pages = alerts.logPages();
        Button previous = new Button("◀");
        previous.setId("alertLogPrevious");
        previous.setTooltip(new Tooltip("The day before"));
        previous.setOnAction(event -> pages.step(-1));
        Button next = new Button("▶");
        next.setId("alertLogNext");
        next.setTooltip(new Tooltip("The day after"));
        next.setOnAction(event -> pages.step(1));
        Label day = new Label();
        day.setId("alertLogDay");
        day.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> pages.dayProperty().get() == null
                ? "" : DAY.format(pages.dayProperty().get()), pages.dayProperty()));
        Button clear = new Button("Clear day");
        clear.setId("alertLogClear");
        clear.setTooltip(new Tooltip("Forget this day's alerts (they are kept in the database until then)"));
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(alerts.log()));
        clear.setOnAction(event -> pages.clearDay());
        HBox pager = new HBox(6, new Label("Alert log"), previous, day, next, clear);
        pager.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Button standing = new Button("Make standing");
        standing.setId("alertLineStanding");
        standing.setTooltip(new Tooltip("A line belongs to the day it was drawn on; a standing one shows and alerts"
                + " every day"));
        standing.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            String item = levels.getSelectionModel().getSelectedItem();
            return item == null || item.contains("(standing)");
        }, levels.getSelectionModel().selectedItemProperty()));
        standing.setOnAction(event -> {
            String[] parts = levels.getSelectionModel().getSelectedItem().split(" ");
            alerts.standing(parts[0], Double.parseDouble(parts[1]), null);
        });
        VBox content = new VBox(6, settings, pager, log, new Label("Price alert lines"), levels,
                new HBox(6, remove, standing), new Label("Rules"), rules, new HBox(6, apply), problem);
        content.setPadding(new Insets(6));
        setContent(content);
        // a refused rule is said under Apply, which may be the pane's last visible row: once the pane has made room for
        // it (a layout keeps the offset in pixels, so a scroll before it would be undone), show the bottom
        problem.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                javafx.application.Platform.runLater(() -> {
                    layout();
                    setVvalue(getVmax());
                });
            }
        });
    }
}
