package dev.tapewatch.ui.chart;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Bars;
import dev.tapewatch.ui.common.ChartFormat;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.ui.geometry.Side;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The price pane over the volume pane: two charts on one time axis (a second sits at the same x in both), their
 * value axes, zoom and pan, and the divider between them. Time is epoch seconds on the axes, labelled in
 * America/New_York (daylight saving included). Price takes 70 % of the height until the user drags the divider.
 */
final class ChartPanes extends SplitPane {
    static final double DEFAULT_PRICE_SHARE = 0.7;
    /** Both value axes get this width, so a second sits at the same x in the price and the volume pane. */
    private static final double VALUE_AXIS_WIDTH = 72;
    /** Steps a clock reads easily, in seconds: 1, 2, 5, 10, 15, 30 s, then minutes and hours alike. */
    private static final double[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10800, 14400, 21600, 43200, 86400};

    private final DefaultNumericAxis priceTime = timeAxis("priceTimeAxis");
    private final DefaultNumericAxis volumeTime = timeAxis("timeAxis");
    private final DefaultNumericAxis priceAxis = valueAxis("price", "priceAxis");
    private final DefaultNumericAxis volumeAxis = valueAxis("volume", "volumeAxis");
    private final XYChart priceChart;
    private final XYChart volumeChart;
    private Runnable onUserMove = () -> { };
    private boolean draggingLevel;
    private double priceShare = DEFAULT_PRICE_SHARE;
    private DoubleConsumer onPriceShareChosen = share -> { };

    ChartPanes() {
        // chartfx right-aligns a value label on the axis line, whatever the gap: two spaces keep its last digit clear
        priceAxis.setTickLabelFormatter(ChartFormat.converter(price -> ChartFormat.price(price) + "  "));
        volumeAxis.setTickLabelFormatter(ChartFormat.converter(shares -> ChartFormat.compactShares(shares) + "  "));
        priceTime.setName(null); // the volume pane below names the time axis and labels its ticks
        // the plot keeps the height instead (a small chart's lost a sixth)
        priceTime.getTickLabelStyle().setVisible(false);
        priceChart = new XYChart(priceTime, priceAxis);
        priceChart.setId("pricePane");
        volumeChart = new XYChart(volumeTime, volumeAxis);
        volumeChart.setId("volumePane");
        for (XYChart chart : List.of(priceChart, volumeChart)) {
            setUp(chart);
        }
        volumeTime.minProperty().bindBidirectional(priceTime.minProperty());
        volumeTime.maxProperty().bindBidirectional(priceTime.maxProperty());
        priceTime.setAutoRanging(false);
        volumeTime.setAutoRanging(false);
        setOrientation(Orientation.VERTICAL);
        getItems().addAll(priceChart, volumeChart);
        setDividerPositions(DEFAULT_PRICE_SHARE);
        keepPriceShare();
        volumeChart.setMinHeight(60);
        for (Region part : List.of(priceChart, volumeChart, this, priceTime, volumeTime)) {
            part.setMinWidth(0); // a narrow grid cell: the charts take its width, not what their labels ask for
        }
    }

    private static DefaultNumericAxis valueAxis(String name, String id) {
        DefaultNumericAxis axis = new DefaultNumericAxis(name, null);
        axis.setId(id);
        axis.setSide(Side.RIGHT);
        axis.setAutoRanging(false);
        axis.setMinWidth(VALUE_AXIS_WIDTH);
        axis.setPrefWidth(VALUE_AXIS_WIDTH);
        axis.setMaxWidth(VALUE_AXIS_WIDTH);
        return axis;
    }

    private static DefaultNumericAxis timeAxis(String id) {
        DefaultNumericAxis axis = new DefaultNumericAxis("New York time", null) {
            @Override
            protected double computeTickUnit(double reference) {
                for (double step : TIME_STEPS) {
                    if (step >= reference) {
                        return step;
                    }
                }
                return Math.ceil(reference / 86400) * 86400;
            }
        };
        axis.setId(id);
        axis.setTickLabelFormatter(ChartFormat.converter(ChartFormat::clock));
        return axis;
    }

    private void setUp(XYChart chart) {
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getRenderers().clear();
        Zoomer zoomer = new Zoomer(AxisMode.X);
        zoomer.setSliderVisible(false);
        zoomer.setAddButtonsToToolBar(false);
        // chartfx's default (primary button, no modifier): Shift-drag is ours, for selecting.
        zoomer.setZoomInMouseFilter(event -> event.isPrimaryButtonDown() && !event.isSecondaryButtonDown()
                && !event.isMiddleButtonDown() && !event.isShiftDown() && !event.isControlDown()
                && !event.isAltDown() && !event.isMetaDown());
        chart.getPlugins().add(zoomer);
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        // a drag zooms or pans; a plain click (a stray one, or to read the crosshair) moves nothing, and nor does
        // dragging an alert line: following live goes on. Whether a drag moves a line is settled where it was
        // pressed: the line's label lags the cursor until the next layout, so a later drag event may pick the plot.
        chart.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> draggingLevel = onDraggableLevel(event));
        chart.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> draggingLevel = false);
        chart.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (!event.isShiftDown() && !draggingLevel) {
                onUserMove.run();
            }
        });
        chart.addEventFilter(ScrollEvent.SCROLL, event -> onUserMove.run());
    }

    private static boolean onDraggableLevel(MouseEvent press) {
        for (Node node = press.getPickResult().getIntersectedNode(); node != null; node = node.getParent()) {
            if (node.getProperties().containsKey(Level.DRAGGABLE)) {
                return true;
            }
        }
        return false;
    }

    XYChart priceChart() {
        return priceChart;
    }

    XYChart volumeChart() {
        return volumeChart;
    }

    void setOnUserMove(Runnable listener) {
        onUserMove = listener;
    }

    /** {@code timeRange} runs when the visible time range changes, {@code width} when the plot's width does. */
    void onViewChange(Runnable timeRange, Runnable width) {
        priceTime.minProperty().addListener(change -> timeRange.run());
        priceTime.maxProperty().addListener(change -> timeRange.run());
        priceChart.getPlotArea().widthProperty().addListener(change -> width.run());
    }

    /** Sets the visible time range (epoch ms), without fitting the values to it. */
    void time(long fromMillis, long toMillis) {
        priceTime.setMin(fromMillis / 1000.0);
        priceTime.setMax(toMillis / 1000.0);
    }

    long visibleFrom() {
        return (long) (priceTime.getMin() * 1000);
    }

    long visibleTo() {
        return (long) (priceTime.getMax() * 1000);
    }

    double plotWidth() {
        return priceChart.getPlotArea().getWidth();
    }

    /** Seconds of time per pixel of plot width now; NaN before the first layout. */
    double secondsPerPixel() {
        double width = plotWidth();
        return width > 0 ? (priceTime.getMax() - priceTime.getMin()) / width : Double.NaN;
    }

    /** The price at a scene y. */
    double priceAt(double sceneY) {
        Point2D local = priceAxis.sceneToLocal(0, sceneY);
        return priceAxis.getValueForDisplay(local.getY());
    }

    /** Fits price and volume axes to the candles within the visible time range. */
    void fitValues(ChartSnapshot shown) {
        List<Bar> bars = shown.candles();
        long stepMillis = shown.step() * 1000L;
        int first = Bars.firstAtOrAfter(bars, (long) (priceTime.getMin() * 1000) - stepMillis + 1);
        int end = Bars.firstAtOrAfter(bars, (long) (priceTime.getMax() * 1000) + 1);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double maxVolume = 0;
        for (Bar bar : bars.subList(first, Math.max(first, end))) { // only what is visible: this runs on the FX thread
            low = Math.min(low, bar.low());
            high = Math.max(high, bar.high());
            maxVolume = Math.max(maxVolume, bar.volume());
        }
        if (low <= high) {
            double pad = Math.max((high - low) * 0.08, high * 0.0005);
            priceAxis.setMin(low - pad);
            priceAxis.setMax(high + pad);
            volumeAxis.setMin(0);
            volumeAxis.setMax(Math.max(1, maxVolume * 1.1));
        } else { // nothing in view (an empty day): no volume scale left over from the bars shown before
            volumeAxis.setMin(0);
            volumeAxis.setMax(1);
        }
    }

    /** The share of the height the price pane has (the divider's position) now. */
    double priceShare() {
        return getDividers().get(0).getPosition();
    }

    /** Places the divider at this share of the height; it stays there as the chart is resized. */
    void priceShare(double share) {
        priceShare = share;
        setDividerPositions(share);
    }

    void setOnPriceShareChosen(DoubleConsumer listener) {
        onPriceShareChosen = listener;
    }

    /**
     * The split pane moves its divider when the panes' minimum heights squeeze it (a small window) and does not move
     * it back: the share drifted with every resize. Only the user's drag changes it; a resize puts it back.
     */
    private void keepPriceShare() {
        heightProperty().addListener((o, was, now) -> Platform.runLater(() -> setDividerPositions(priceShare)));
        addEventFilter(MouseEvent.MOUSE_RELEASED, event -> Platform.runLater(() -> {
            double now = priceShare();
            if (Math.abs(now - priceShare) > 0.001) {
                priceShare = now;
                onPriceShareChosen.accept(now);
            }
        }));
    }
}
