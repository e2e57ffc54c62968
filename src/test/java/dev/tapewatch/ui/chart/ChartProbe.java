package dev.tapewatch.ui.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.DataSet;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Reads what a {@link PriceVolumeChart} draws the way chartfx holds it: the panes and axes found by id
 * ({@code #pricePane}, {@code #volumePane}, {@code #priceAxis}, {@code #volumeAxis}, {@code #priceTimeAxis},
 * {@code #timeAxis}, {@code #readout}), then their data sets, renderers and plugins. FX thread.
 */
public final class ChartProbe {
    private ChartProbe() {
    }

    public static XYChart pricePane(Node chart) {
        return (XYChart) chart.lookup("#pricePane");
    }

    public static XYChart volumePane(Node chart) {
        return (XYChart) chart.lookup("#volumePane");
    }

    public static DefaultNumericAxis axis(Node chart, String id) {
        return (DefaultNumericAxis) chart.lookup("#" + id);
    }

    public static String readout(Node chart) {
        return ((Label) chart.lookup("#readout")).getText();
    }

    /** The data set of this name drawn on either pane ("OHLC", "VWAP", "volume", "volume average", ...), or null. */
    public static DataSet dataSet(Node chart, String name) {
        return Stream.of(pricePane(chart), volumePane(chart)).flatMap(pane -> pane.getRenderers().stream())
                .flatMap(renderer -> renderer.getDatasets().stream()).filter(set -> set.getName().equals(name))
                .findFirst().orElse(null);
    }

    /** The points of the data set of this name; 0 when it is not drawn. */
    public static int count(Node chart, String name) {
        DataSet set = dataSet(chart, name);
        return set == null ? 0 : set.getDataCount();
    }

    /** The day's level lines drawn now, by their label ("high 471.20"), in the order they were drawn. */
    public static List<String> levelLabels(Node chart) {
        return levels(chart, false);
    }

    /** The price alert lines drawn now, by their label ("alert 471.20"). */
    public static List<String> alertLabels(Node chart) {
        return levels(chart, true);
    }

    private static List<String> levels(Node chart, boolean alerts) {
        return pricePane(chart).getPlugins().stream().filter(Level.class::isInstance).map(Level.class::cast)
                .filter(level -> level.isEditable() == alerts).map(Level::getText).toList();
    }

    /** The shaded bands of both panes. */
    public static List<Band> bands(Node chart) {
        return Stream.of(pricePane(chart), volumePane(chart)).flatMap(pane -> pane.getPlugins().stream())
                .filter(Band.class::isInstance).map(Band.class::cast).toList();
    }

    /** The time another chart's pointer is on, or NaN. */
    public static double timeCursor(Node chart) {
        return pricePane(chart).getPlugins().stream().filter(XValueIndicator.class::isInstance)
                .map(XValueIndicator.class::cast).mapToDouble(XValueIndicator::getValue).findFirst().orElse(Double.NaN);
    }

    /** The x of a time (epoch s) in scene coordinates on the time axis of this id. */
    public static double sceneX(Node chart, String axisId, double seconds) {
        DefaultNumericAxis axis = axis(chart, axisId);
        return axis.localToScene(axis.getDisplayPosition(seconds), 0).getX();
    }

    /** The screen point over the middle of the price pane at a time (epoch s), for pointing at it. */
    public static Point2D screenAt(Node chart, double seconds) {
        Node plot = pricePane(chart).getPlotArea();
        Bounds bounds = plot.localToScene(plot.getLayoutBounds());
        return new Point2D(chart.getScene().getWindow().getX() + chart.getScene().getX()
                + sceneX(chart, "priceTimeAxis", seconds), chart.getScene().getWindow().getY()
                + chart.getScene().getY() + bounds.getCenterY());
    }
}
