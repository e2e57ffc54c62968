package dev.tapewatch.ui.chart;

import dev.tapewatch.ui.common.ColumnWidths;
import dev.tapewatch.ui.common.Themes;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToolBar;

/**
 * The chart's own controls, above it, in one row: live window, candle step, follow, candles or line, overlays. On a
 * narrow chart those that do not fit move into the row's overflow menu (wrapping them took half a small chart's
 * height and made the row jump). Binds only.
 */
public final class ChartControls extends ToolBar {
    private final ToggleButton follow = new ToggleButton("Follow live");
    private final ChoiceBox<String> window = new ChoiceBox<>();
    private final ChoiceBox<String> step = new ChoiceBox<>();
    private final ToggleButton candles = new ToggleButton("Candles");
    private final ToggleButton vwap = new ToggleButton("VWAP");
    private final ToggleButton means = new ToggleButton("MA " + ChartSnapshot.FAST_MEAN + "/" + ChartSnapshot.SLOW_MEAN);

    /** Controls of chart {@code index} of the layout, starting from its remembered choices. */
    public ChartControls(ChartViewModel model, PriceVolumeChart chart, ChartLayout layout, int index) {
        getStyleClass().add("chart-controls");
        setMinWidth(0);
        window.setId("windowChoice");
        window.getItems().setAll(ChartViewModel.WINDOWS);
        // the first chart opens on the trading day so far; the others on the last quarter hour
        window.setValue(layout.choice(index, "window", index == 0 ? ChartViewModel.DAY : "15 min"));
        model.window(window.getValue());
        window.setTooltip(new Tooltip("Live time window (day: the trading day, 04:00 to 20:00 New York)"));
        window.valueProperty().addListener((o, was, now) -> {
            layout.remember(index, "window", now);
            model.window(now);
            if (model.live()) {
                follow.setSelected(true);
            }
        });
        step.setId("stepChoice");
        step.getItems().setAll(ChartViewModel.STEPS);
        step.setValue(layout.choice(index, "step", ChartViewModel.AUTO));
        model.step(step.getValue());
        step.setTooltip(new Tooltip("Candle length; zoomed out, a coarser one is used so a candle stays 3 px wide"));
        step.valueProperty().addListener((o, was, now) -> {
            layout.remember(index, "step", now);
            model.step(now);
        });
        Label stepInUse = new Label();
        stepInUse.setId("stepInUse");
        stepInUse.textProperty().bind(model.stepInUseProperty());
        stepInUse.setTooltip(new Tooltip("The candle length drawn: a chosen one whose candles would be under 3 px wide"
                + " at this zoom gives way to a coarser one; zoom in to see it"));
        // each choice as wide as its longest entry, not the theme's default
        window.setPrefWidth(ColumnWidths.textWidth("15 min") + 40);
        step.setPrefWidth(ColumnWidths.textWidth("5 min") + 40);
        follow.setId("followButton");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest bars in view (pauses when you zoom or pan)"));
        follow.selectedProperty().addListener((o, was, now) -> model.following(now));
        candles.setId("candlesButton");
        candles.setTooltip(new Tooltip("Candles or a close line"));
        remembered(candles, layout, index, "candles", true);
        chart.showCandles(candles.isSelected());
        candles.selectedProperty().addListener((o, was, now) -> chart.showCandles(now));
        vwap.setId("vwapButton");
        remembered(vwap, layout, index, "vwap", true);
        vwap.setTooltip(new Tooltip("Session VWAP (from the regular open; pre-market VWAP before it)"));
        means.setId("meansButton");
        remembered(means, layout, index, "means", false);
        means.setTooltip(new Tooltip("Moving averages of the close over 20 and 50 candles"));
        legend(vwap, means);
        Runnable overlays = () -> chart.showOverlays(vwap.isSelected(), means.isSelected());
        vwap.selectedProperty().addListener((o, was, now) -> overlays.run());
        means.selectedProperty().addListener((o, was, now) -> overlays.run());
        overlays.run();
        if (index == 0) {
            getItems().addAll(window, step, follow, candles, vwap, means, stepInUse);
        } else { // a chart of a four-chart layout is narrow: the essentials
            getItems().addAll(window, step, follow, vwap, stepInUse);
        }
        // the step drawn comes last: its text changes with the zoom, and nothing after it moves when it does
    }

    /** The overlays' toggles carry their lines' colours: the chart's legend. */
    private static void legend(ToggleButton vwap, ToggleButton means) {
        Runnable colour = () -> {
            Themes.Palette palette = Themes.palette();
            vwap.setGraphic(swatch(palette.vwap()));
            means.setGraphic(new javafx.scene.layout.HBox(2, swatch(palette.fastMean()), swatch(palette.slowMean())));
        };
        colour.run();
        Themes.darkProperty().addListener((o, was, now) -> colour.run());
    }

    private static javafx.scene.shape.Rectangle swatch(String colour) {
        javafx.scene.shape.Rectangle line = new javafx.scene.shape.Rectangle(10, 3, javafx.scene.paint.Color.web(colour));
        line.getStyleClass().add("legend-swatch");
        return line;
    }

    /** A toggle starting from its remembered state, remembering each change. */
    private static void remembered(ToggleButton toggle, ChartLayout layout, int index, String what, boolean fallback) {
        toggle.setSelected(Boolean.parseBoolean(layout.choice(index, what, Boolean.toString(fallback))));
        toggle.selectedProperty().addListener((o, was, now) -> layout.remember(index, what, now.toString()));
    }

    /**
     * Flips one of the chart's toggles as a click would, by its id ("followButton", "candlesButton", "vwapButton",
     * "meansButton"): the keyboard's way to them, also to those a narrow chart keeps in its » menu or leaves out.
     */
    public void flip(String id) {
        for (ToggleButton toggle : java.util.List.of(follow, candles, vwap, means)) {
            if (toggle.getId().equals(id)) {
                toggle.setSelected(!toggle.isSelected());
            }
        }
    }

    /** The user moved the chart: stop following. */
    public void stopFollowing() {
        follow.setSelected(false);
    }

    /** A stored day is shown (following ends) or the live chart is back (it resumes). */
    public void following(boolean on) {
        follow.setSelected(on);
    }

    public void selectWindow(String label) {
        window.setValue(label);
    }

    /**
     * A spike of this length is shown: a chosen step that would draw it as one or two candles gives way to one
     * that shows at least three (a 3-second burst in 1-second candles, not inside one 1-minute candle).
     */
    public void fineEnoughFor(long durationMillis) {
        if (ChartViewModel.AUTO.equals(step.getValue())) {
            return;
        }
        int chosen = dev.tapewatch.market.Candles.STEPS.get(ChartViewModel.STEPS.indexOf(step.getValue()) - 1);
        int fine = 1;
        for (int candidate : dev.tapewatch.market.Candles.STEPS) {
            if (candidate * 3_000L <= durationMillis) {
                fine = candidate;
            }
        }
        if (chosen > fine) {
            step.setValue(dev.tapewatch.market.Candles.label(fine));
        }
    }

    public void selectStep(String label) {
        step.setValue(label);
    }
}
