package dev.tapewatch.ui;

import dev.tapewatch.ui.chart.ChartControls;
import dev.tapewatch.ui.chart.PriceVolumeChart;
import dev.tapewatch.ui.common.BackgroundTasks;
import dev.tapewatch.ui.common.DayData;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.history.ReplayViewModel;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** Live and history controls, replay and export. Binds and forwards only. */
final class MainToolbar extends ToolBar {

    MainToolbar(MainViewModel model, PriceVolumeChart chart, ChartControls chartControls, Runnable export) {
        HistoryViewModel history = model.history();
        BackgroundTasks tasks = model.tasks();
        Button live = new Button("Live");
        live.setId("liveButton");
        live.setTooltip(new Tooltip("Back to the live chart (Ctrl+L)"));
        live.setOnAction(event -> model.goLive());

        DatePicker date = new DatePicker();
        date.setId("datePicker");
        date.promptTextProperty().bind(history.hintProperty());
        date.setPrefWidth(150);
        date.setDayCellFactory(picker -> new StoredDayCell(history));
        date.setOnAction(event -> {
            DayData shown = history.dayProperty().get();
            boolean alreadyShown = shown != null && shown.day().equals(date.getValue())
                    && history.modeProperty().get() == HistoryViewModel.Mode.HISTORY;
            if (date.getValue() != null && !alreadyShown) { // showing a day sets the picker: no second load
                history.loadDay(date.getValue());
            }
        });
        history.dayProperty().addListener((o, was, day) -> {
            if (day != null) {
                date.setValue(day.day());
                chartControls.following(false);
            }
        });
        history.modeProperty().addListener((o, was, now) -> {
            if (now == HistoryViewModel.Mode.LIVE) {
                chartControls.following(true);
                date.setValue(null);
            }
        });
        Button previous = new Button("◀");
        previous.setTooltip(new Tooltip("Previous stored day (Alt+Left)"));
        previous.setOnAction(event -> history.stepDay(-1));
        Button next = new Button("▶");
        next.setTooltip(new Tooltip("Next stored day (Alt+Right)"));
        next.setOnAction(event -> history.stepDay(1));

        Button audit = new Button("Audit");
        audit.setId("auditButton");
        audit.setTooltip(new Tooltip("Compare the shown day with the provider's own second bars: drops show in red"));
        audit.disableProperty().bind(history.modeProperty().isNotEqualTo(HistoryViewModel.Mode.HISTORY)
                .or(tasks.busyProperty()));
        audit.setOnAction(event -> history.auditDay());
        Label audited = new Label();
        audited.setId("auditResult");
        audited.textProperty().bind(history.auditSummaryProperty());

        ReplayViewModel replay = model.replay();
        Button replayButton = new Button("Replay");
        replayButton.setId("replayButton");
        replayButton.setTooltip(new Tooltip("Replay from here: play the shown day through the live chart, detector and"
                + " spike list from the selection's start, else the chart's left edge when zoomed in, else the open"));
        replayButton.disableProperty().bind(history.dayProperty().isNull()
                .or(history.modeProperty().isNotEqualTo(HistoryViewModel.Mode.HISTORY)));
        replayButton.setOnAction(event -> {
            DayData day = history.dayProperty().get();
            model.startReplay(day.day(), ReplayViewModel.startOf(day, history.selectionProperty().get(),
                    chart.visibleFrom(), chart.visibleTo()));
        });
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("replaySpeed");
        speed.getItems().setAll(ReplayViewModel.SPEEDS);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : value.longValue() + "×";
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("×", ""));
            }
        });
        speed.valueProperty().bindBidirectional(replay.speedProperty());
        speed.setTooltip(new Tooltip("Replay speed"));
        speed.setPrefWidth(72);
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("replayPause");
        pause.visibleProperty().bind(replay.activeProperty());
        pause.managedProperty().bind(replay.activeProperty());
        pause.selectedProperty().addListener((o, was, now) -> replay.pause(now));
        replay.activeProperty().addListener((o, was, now) -> pause.setSelected(false));
        TextField time = new TextField();
        time.setId("replayTime");
        time.setPromptText("go to");
        time.setPrefColumnCount(4);
        String timeHelp = "Go to a time of the replayed day: type 10:45 and Enter (Alt+Shift+Right and"
                + " Alt+Shift+Left: a minute on, a minute back)";
        time.setTooltip(new Tooltip(timeHelp));
        time.visibleProperty().bind(replay.activeProperty());
        time.managedProperty().bind(replay.activeProperty());
        replayButton.visibleProperty().bind(replay.activeProperty().not()); // the time field takes its place
        replayButton.managedProperty().bind(replay.activeProperty().not());
        time.setOnAction(event -> {
            replay.moveTo(time.getText());
            if (replay.timeProblemProperty().get() == null) {
                time.clear();
            }
        });
        time.textProperty().addListener((o, was, now) -> replay.clearTimeProblem());
        replay.timeProblemProperty().addListener((o, was, problem) -> {
            time.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), problem != null);
            time.setTooltip(new Tooltip(problem != null ? problem : timeHelp));
        });
        date.disableProperty().bind(replay.activeProperty());
        previous.disableProperty().bind(replay.activeProperty());
        next.disableProperty().bind(replay.activeProperty());

        Button exportButton = new Button("Export…");
        exportButton.setId("exportButton");
        exportButton.setTooltip(new Tooltip("Shift-drag across the chart to select, then export as CSV (Ctrl+E)"));
        exportButton.disableProperty().bind(history.selectionProperty().isNull());
        exportButton.setOnAction(event -> export.run());
        getItems().addAll(live, new Separator(Orientation.VERTICAL), previous, date, next, audit, audited,
                new Separator(Orientation.VERTICAL), replayButton, time, speed, pause,
                new Separator(Orientation.VERTICAL), exportButton);
    }

    /**
     * Presses a button of the toolbar by its id as a click would, only while it is shown and enabled ("auditButton",
     * "replayButton", "replayPause"): the keyboard's way to it, also from the toolbar's overflow menu.
     */
    void press(String id) {
        getItems().stream().filter(item -> id.equals(item.getId()) && item.isVisible())
                .filter(javafx.scene.control.ButtonBase.class::isInstance).map(javafx.scene.control.ButtonBase.class::cast)
                .findFirst().ifPresent(javafx.scene.control.ButtonBase::fire);
    }

    /** A day in the date picker, marked when bars of the selected symbol are stored for it. */
    private static final class StoredDayCell extends javafx.scene.control.DateCell {
        private final HistoryViewModel history;

        StoredDayCell(HistoryViewModel history) {
            this.history = history;
        }

        @Override
        public void updateItem(java.time.LocalDate day, boolean empty) {
            super.updateItem(day, empty);
            Long bars = empty || day == null ? null : history.storedDaysProperty().get().get(day);
            getStyleClass().remove("stored-day");
            setTooltip(null);
            if (bars != null) {
                getStyleClass().add("stored-day");
                setTooltip(new Tooltip(String.format("%,d bars stored", bars)));
            }
        }
    }
}
