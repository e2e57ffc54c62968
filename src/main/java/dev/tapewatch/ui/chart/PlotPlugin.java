package dev.tapewatch.ui.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.input.MouseEvent;

/**
 * A chart plugin that listens to the pointer on its chart's plot area only. chartfx's own registration
 * ({@code registerInputEventHandler}) also adds the handler to the scene once the plot area is in one, where it would
 * hear the pointer over every other chart of a layout.
 */
abstract class PlotPlugin extends ChartPlugin {
    /** Adds a handler ({@code filter}: a filter, which sees the event before the plot's children) while attached. */
    protected final void onPlot(EventType<MouseEvent> type, EventHandler<MouseEvent> handler, boolean filter) {
        chartProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.getPlotArea().removeEventFilter(type, handler);
                was.getPlotArea().removeEventHandler(type, handler);
            }
            if (now != null && filter) {
                now.getPlotArea().addEventFilter(type, handler);
            } else if (now != null) {
                now.getPlotArea().addEventHandler(type, handler);
            }
        });
    }

    /** The time (epoch s) under the pointer. */
    protected final double timeAt(MouseEvent event) {
        return ((XYChart) getChart()).getXAxis().getValueForDisplay(getLocationInPlotArea(event).getX());
    }
}
