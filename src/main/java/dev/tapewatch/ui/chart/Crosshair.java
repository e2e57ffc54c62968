package dev.tapewatch.ui.chart;

import dev.tapewatch.ui.common.ChartFormat;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;

/**
 * Two lines across the price pane at the pointer, with its time and price beside it (chartfx's style classes
 * {@code chart-crosshair-path} and {@code chart-crosshair-label}: colour and dash come from the stylesheet). Each line
 * runs through the middle of a pixel: chartfx's crosshair drew a 1 px line at the pointer's fractional position,
 * smeared over two pixels at half strength, and it was barely visible on either theme.
 */
final class Crosshair extends PlotPlugin {
    private static final double LABEL_X_OFFSET = 15;
    private static final double LABEL_Y_OFFSET = 5;
    private final Path lines = new Path();
    private final Text label = new Text();

    Crosshair() {
        lines.getStyleClass().add(CrosshairIndicator.STYLE_CLASS_PATH);
        lines.setManaged(false);
        label.getStyleClass().add(CrosshairIndicator.STYLE_CLASS_LABEL);
        label.setManaged(false);
        onPlot(MouseEvent.ANY, this::follow, false);
    }

    private void follow(MouseEvent event) {
        if (!isMouseEventWithinCanvas(event)) {
            getChartChildren().removeAll(lines, label);
            return;
        }
        Bounds plot = getChart().getPlotArea().getBoundsInLocal();
        Point2D origin = getChart().getPlotArea().localToScene(0, 0);
        double x = pixelMiddle(event.getX(), origin.getX());
        double y = pixelMiddle(event.getY(), origin.getY());
        lines.getElements().setAll(new MoveTo(plot.getMinX() + 1, y), new LineTo(plot.getMaxX(), y),
                new MoveTo(x, plot.getMinY() + 1), new LineTo(x, plot.getMaxY()));
        label.setText(text(event));
        double width = label.prefWidth(-1);
        double height = label.prefHeight(width);
        double labelX = event.getX() + LABEL_X_OFFSET;
        double labelY = event.getY() + LABEL_Y_OFFSET;
        if (labelX + width > plot.getMaxX()) {
            labelX = event.getX() - LABEL_X_OFFSET - width;
        }
        if (labelY + height > plot.getMaxY()) {
            labelY = event.getY() - LABEL_Y_OFFSET - height;
        }
        label.resizeRelocate(labelX, labelY, width, height);
        if (!getChartChildren().contains(lines)) {
            getChartChildren().addAll(lines, label);
        }
    }

    /** The middle of the screen pixel holding {@code local}, in local coordinates whose origin is at {@code origin}. */
    private static double pixelMiddle(double local, double origin) {
        return Math.floor(local + origin) + 0.5 - origin;
    }

    /** "10:01:45, 470.12": the time and the price at the pointer (no price before the axes have a range). */
    private String text(MouseEvent event) {
        XYChart chart = (XYChart) getChart();
        Point2D at = getLocationInPlotArea(event);
        double price = chart.getYAxis().getValueForDisplay(at.getY());
        return ChartFormat.clock(chart.getXAxis().getValueForDisplay(at.getX())) + ", "
                + (Double.isNaN(price) ? "" : ChartFormat.price(price));
    }
}
