package dev.tapewatch.ui.chart;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Bars;
import dev.tapewatch.market.Candles;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.Themes;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.MultiDimDoubleDataSet;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Price (candles or a close line, with VWAP and two moving averages) above volume bars with the detector's
 * moving average, on one time axis. {@link #show} takes a {@link ChartSnapshot} from any thread; the FX thread
 * applies it to all data sets, bands, levels and value ranges in one go, and chartfx redraws once per pulse. Time
 * is epoch seconds on the axis and labelled in America/New_York (daylight saving included).
 * <p>
 * Longer than the other views on purpose: it is one control, and its parts (two linked charts, their axes,
 * renderers, zoom, crosshair readout, bands and selection) only make sense together.
 */
public final class PriceVolumeChart extends VBox {
    /** Both value axes get this width, so a second sits at the same x in the price and the volume pane. */
    static final double VALUE_AXIS_WIDTH = 72;
    /** Steps a clock reads easily, in seconds: 1, 2, 5, 10, 15, 30 s, then minutes and hours alike. */
    private static final double[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10800, 14400, 21600, 43200, 86400};

    private final DefaultNumericAxis priceTime = timeAxis();
    private final DefaultNumericAxis volumeTime = timeAxis();
    private final DefaultNumericAxis priceAxis = new DefaultNumericAxis("price", null);
    private final DefaultNumericAxis volumeAxis = new DefaultNumericAxis("volume", null);
    private final XYChart priceChart;
    private final XYChart volumeChart;
    private final MultiDimDoubleDataSet candles = new MultiDimDoubleDataSet("OHLC", 7);
    private final DoubleDataSet closes = new DoubleDataSet("close");
    private final DoubleDataSet vwap = new DoubleDataSet("VWAP");
    private final DoubleDataSet fastMean = new DoubleDataSet("MA " + ChartSnapshot.FAST_MEAN);
    private final DoubleDataSet slowMean = new DoubleDataSet("MA " + ChartSnapshot.SLOW_MEAN);
    private final DoubleDataSet volumes = new DoubleDataSet("volume");
    private final DoubleDataSet spikeVolumes = new DoubleDataSet("spike volume");
    private final DoubleDataSet average = new DoubleDataSet("volume average");
    private final CandleStickRenderer candleRenderer = new CandleStickRenderer();
    private final ErrorDataSetRenderer lineRenderer = lineRenderer();
    private final ErrorDataSetRenderer overlayRenderer = lineRenderer();
    private final Label readout = new Label(" ");
    /** Price over volume, 70 % to 30 % until the user drags the divider. */
    private final javafx.scene.control.SplitPane panes = new javafx.scene.control.SplitPane();
    public static final double DEFAULT_PRICE_SHARE = 0.7;
    private final ChartMarks marks;
    private final AtomicReference<ChartSnapshot> pending = new AtomicReference<>();
    private volatile ChartSnapshot current;
    private BiConsumer<Long, Long> onSelect = (from, to) -> { };
    private Runnable onUserMove = () -> { };
    private Runnable onViewport = () -> { };
    private double priceShare = DEFAULT_PRICE_SHARE;
    private java.util.function.DoubleConsumer onPriceShareChosen = share -> { };
    private java.util.function.DoubleConsumer onHover = seconds -> { };
    private Double selectionStart;
    private boolean waitingForPulse;
    private boolean hovering;
    /** The pointer's last move over the price pane while it is there (FX thread). */
    private MouseEvent lastMove;
    private boolean pointerRefreshPending;

    public PriceVolumeChart() {
        getStyleClass().add("price-volume-chart");
        getStylesheets().add(PriceVolumeChart.class.getResource("/dev/tapewatch/ui/tapewatch.css").toExternalForm());
        for (DefaultNumericAxis axis : List.of(priceAxis, volumeAxis)) {
            axis.setSide(Side.RIGHT);
            axis.setAutoRanging(false);
            axis.setMinWidth(VALUE_AXIS_WIDTH);
            axis.setPrefWidth(VALUE_AXIS_WIDTH);
            axis.setMaxWidth(VALUE_AXIS_WIDTH);
        }
        // chartfx right-aligns a value label on the axis line, whatever the gap: two spaces keep its last digit clear
        priceAxis.setTickLabelFormatter(ChartFormat.converter(price -> ChartFormat.price(price) + "  "));
        volumeAxis.setTickLabelFormatter(ChartFormat.converter(shares -> ChartFormat.compactShares(shares) + "  "));
        priceTime.setName(null); // the volume pane below names the time axis and labels its ticks
        priceTime.getTickLabelStyle().setVisible(false); // the plot keeps the height instead (a small chart's lost a sixth)
        priceChart = new XYChart(priceTime, priceAxis);
        volumeChart = new XYChart(volumeTime, volumeAxis);
        for (XYChart chart : List.of(priceChart, volumeChart)) {
            setUp(chart);
        }
        volumeTime.minProperty().bindBidirectional(priceTime.minProperty());
        volumeTime.maxProperty().bindBidirectional(priceTime.maxProperty());
        priceTime.setAutoRanging(false);
        volumeTime.setAutoRanging(false);
        priceTime.minProperty().addListener(change -> {
            onViewport.run();
            refreshPointer();
        });
        priceTime.maxProperty().addListener(change -> {
            onViewport.run();
            refreshPointer();
        });
        priceChart.getPlotArea().widthProperty().addListener(change -> onViewport.run());

        CrosshairIndicator crosshair = new CrosshairIndicator();
        crosshair.setXValueFormatter(ChartFormat.converter(ChartFormat::clock));
        // before the axes have a range (a pointer resting on a chart that just opened) there is no price: say none
        crosshair.setYValueFormatter(ChartFormat.converter(price -> Double.isNaN(price) ? "" : ChartFormat.price(price)));
        priceChart.getPlugins().add(crosshair);
        candleRenderer.getDatasets().add(candles);
        lineRenderer.getDatasets().add(closes);
        overlayRenderer.getDatasets().addAll(vwap, fastMean, slowMean);
        priceChart.getRenderers().setAll(candleRenderer, overlayRenderer);

        ErrorDataSetRenderer bars = new ErrorDataSetRenderer();
        bars.setPolyLineStyle(LineStyle.NONE);
        bars.setDrawBars(true);
        bars.setDrawMarker(false);
        bars.setErrorStyle(ErrorStyle.NONE);
        bars.setDynamicBarWidth(true);
        volumes.setStyle("-color-dataset: #78909c;");
        spikeVolumes.setStyle("-color-dataset: #ff7043;");
        bars.getDatasets().addAll(volumes, spikeVolumes);
        ErrorDataSetRenderer averageLine = lineRenderer();
        averageLine.getDatasets().add(average);
        volumeChart.getRenderers().addAll(bars, averageLine);
        marks = new ChartMarks(priceChart, volumeChart, priceTime, volumeTime, priceAxis);
        recolour();
        Themes.darkProperty().addListener((o, was, now) -> recolour());

        readout.getStyleClass().add("chart-readout");
        readout.setId("readout");
        readout.setMinWidth(0);
        readout.setMinHeight(Region.USE_PREF_SIZE); // as many lines as it takes
        readout.widthProperty().addListener((o, was, now) -> readout.setText(fitted(readout.getText())));
        panes.setOrientation(javafx.geometry.Orientation.VERTICAL);
        panes.getItems().addAll(priceChart, volumeChart);
        panes.setDividerPositions(DEFAULT_PRICE_SHARE);
        keepPriceShare();
        volumeChart.setMinHeight(60);
        for (javafx.scene.layout.Region part : List.of(priceChart, volumeChart, panes, priceTime, volumeTime)) {
            part.setMinWidth(0); // a narrow grid cell: the charts take its width, not what their labels ask for
        }
        VBox.setVgrow(panes, Priority.ALWAYS);
        getChildren().addAll(readout, panes);
        installPointer();
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
        // dragging an alert line: following live goes on
        chart.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (!event.isShiftDown() && !onDraggableLevel(event)) {
                onUserMove.run();
            }
        });
        chart.addEventFilter(ScrollEvent.SCROLL, event -> onUserMove.run());
    }

    private static boolean onDraggableLevel(MouseEvent event) {
        for (javafx.scene.Node node = event.getPickResult().getIntersectedNode(); node != null; node = node.getParent()) {
            if (node.getProperties().containsKey(Level.DRAGGABLE)) {
                return true;
            }
        }
        return event.getTarget() instanceof javafx.scene.Node target && target.getProperties().containsKey(Level.DRAGGABLE);
    }

    private static ErrorDataSetRenderer lineRenderer() {
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setAllowNaNs(true); // a NaN point breaks the line: nothing is drawn across a recording gap
        return renderer;
    }

    /** Line colours of the applied theme (FX thread). */
    private void recolour() {
        Themes.Palette palette = Themes.palette();
        closes.setStyle(lineStyle(palette.close(), 1.6));
        average.setStyle(lineStyle(palette.volumeAverage(), 1.8));
        vwap.setStyle(lineStyle(palette.vwap(), 1.6));
        fastMean.setStyle(lineStyle(palette.fastMean(), 1.2));
        slowMean.setStyle(lineStyle(palette.slowMean(), 1.2));
        marks.recolour(palette);
    }

    private static String lineStyle(String colour, double width) {
        return "-color-dataset: " + colour + "; -fx-stroke: " + colour + "; -fx-line-width: " + width + ";";
    }

    /** The colour each price and volume line is drawn in now, by data set name (for tests). */
    java.util.Map<String, String> lineColours() {
        java.util.Map<String, String> colours = new java.util.LinkedHashMap<>();
        for (DoubleDataSet set : List.of(closes, average, vwap, fastMean, slowMean)) {
            String style = set.getStyle();
            colours.put(set.getName(), style.substring(style.indexOf('#'), style.indexOf('#') + 7));
        }
        return colours;
    }

    private static DefaultNumericAxis timeAxis() {
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
        axis.setTickLabelFormatter(ChartFormat.converter(ChartFormat::clock));
        return axis;
    }

    /** The labels on the volume axis and the values of the time axis's ticks, as drawn (for tests). */
    List<String> volumeTickLabels() {
        return volumeAxis.getTickMarks().stream().map(TickMark::getText).map(String::strip).toList();
    }

    List<Double> timeTickValues() {
        return volumeTime.getTickMarks().stream().map(TickMark::getValue).toList();
    }

    /** Called with a selected range [from, to) in epoch ms after a shift-drag. */
    public void setOnSelect(BiConsumer<Long, Long> listener) {
        onSelect = listener;
    }

    /** Called when the user zooms or pans (so a live view can stop following). */
    public void setOnUserMove(Runnable listener) {
        onUserMove = listener;
    }

    /** Called on the FX thread when the visible time range or the plot's width changes. */
    public void setOnViewport(Runnable listener) {
        onViewport = listener;
    }

    /** Seconds of time per pixel of plot width now (FX thread); NaN before the first layout. */
    public double secondsPerPixel() {
        double width = priceChart.getPlotArea().getWidth();
        return width > 0 ? (priceTime.getMax() - priceTime.getMin()) / width : Double.NaN;
    }

    /** The share of the height the price pane has (the divider's position) now; FX thread. */
    public double priceShare() {
        return panes.getDividers().get(0).getPosition();
    }

    /** Places the divider at this share of the height; it stays there as the chart is resized (FX thread). */
    public void priceShare(double share) {
        priceShare = share;
        panes.setDividerPositions(share);
    }

    /** Called with the share the user dragged the divider to. */
    public void setOnPriceShareChosen(java.util.function.DoubleConsumer listener) {
        onPriceShareChosen = listener;
    }

    /**
     * The split pane moves its divider when the panes' minimum heights squeeze it (a small window) and does not move
     * it back: the share drifted with every resize. Only the user's drag changes it; a resize puts it back.
     */
    private void keepPriceShare() {
        panes.heightProperty().addListener((o, was, now) -> Platform.runLater(() ->
                panes.setDividerPositions(priceShare)));
        panes.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> Platform.runLater(() -> {
            double now = priceShare();
            if (Math.abs(now - priceShare) > 0.001) {
                priceShare = now;
                onPriceShareChosen.accept(now);
            }
        }));
    }

    /** The volume pane's plot height (for tests). */
    public double volumePlotHeight() {
        return volumeChart.getPlotArea().getHeight();
    }

    public double plotWidth() {
        return priceChart.getPlotArea().getWidth();
    }

    public List<Band> bands() {
        return marks.bands();
    }

    /**
     * Candles, or the close line; FX thread. Only the first renderer is replaced: chartfx handles a change's
     * added renderers before its removed ones, so re-adding the overlays in one {@code setAll} left them detached
     * from the chart, and every later layout threw "The chart must be non-null!" (the window froze).
     */
    void showCandles(boolean candlesOn) {
        io.fair_acc.chartfx.renderer.Renderer wanted = candlesOn ? candleRenderer : lineRenderer;
        if (priceChart.getRenderers().get(0) != wanted) {
            priceChart.getRenderers().set(0, wanted);
        }
    }

    /** Whether every renderer of the price pane draws into it (for tests). */
    public boolean renderersAttached() {
        return priceChart.getRenderers().stream().allMatch(renderer -> renderer
                instanceof io.fair_acc.chartfx.renderer.spi.AbstractRenderer<?> drawn && drawn.getChart() == priceChart);
    }

    /** The data sets the price pane's first renderer draws (for tests). */
    public List<String> priceRendererSets() {
        return priceChart.getRenderers().get(0).getDatasets().stream().map(DataSet::getName).toList();
    }

    /** Shows or hides VWAP and the two moving averages; FX thread. */
    void showOverlays(boolean vwapOn, boolean meansOn) {
        List<DataSet> shown = new ArrayList<>();
        if (vwapOn) {
            shown.add(vwap);
        }
        if (meansOn) {
            shown.addAll(List.of(fastMean, slowMean));
        }
        overlayRenderer.getDatasets().setAll(shown);
    }

    /** Called with the hovered time (epoch s), NaN when the pointer leaves the chart. */
    public void setOnHover(java.util.function.DoubleConsumer listener) {
        onHover = listener;
    }

    /** A thin line at a time another chart's pointer is on (NaN removes it); FX thread. */
    public void showTimeCursor(double seconds) {
        marks.timeCursor(seconds);
    }

    /** The time another chart's pointer is on, or NaN (for tests). */
    public double timeCursor() {
        return marks.timeCursor();
    }

    /** The latest time in view (epoch ms); FX thread. */
    public long visibleTo() {
        return (long) (priceTime.getMax() * 1000);
    }

    /** The earliest time in view (epoch ms); FX thread. */
    public long visibleFrom() {
        return (long) (priceTime.getMin() * 1000);
    }

    /** The seconds shown now (a snapshot; any thread): what a selection counts. */
    public List<Bar> shownBars() {
        ChartSnapshot shown = current;
        return shown == null ? List.of() : shown.seconds();
    }

    /** The snapshot applied last, or null (FX thread). */
    public ChartSnapshot shown() {
        return current;
    }

    public int priceDataCount() {
        return candles.getDataCount();
    }

    public int volumeDataCount() {
        return volumes.getDataCount() + spikeVolumes.getDataCount();
    }

    public int averageDataCount() {
        return average.getDataCount();
    }

    public ChartMarks marks() {
        return marks;
    }

    /** The x of a time (epoch s) in scene coordinates, in the price pane and in the volume pane (for tests). */
    double[] sceneX(double seconds) {
        return new double[] {
                priceTime.localToScene(priceTime.getDisplayPosition(seconds), 0).getX(),
                volumeTime.localToScene(volumeTime.getDisplayPosition(seconds), 0).getX()};
    }

    /** The screen point over the middle of the price pane at a time (epoch s), for tests that point at it. */
    Point2D screenAt(double seconds) {
        double x = priceTime.localToScene(priceTime.getDisplayPosition(seconds), 0).getX();
        javafx.geometry.Bounds plot = priceChart.getPlotArea().localToScene(priceChart.getPlotArea().getLayoutBounds());
        return new Point2D(getScene().getWindow().getX() + getScene().getX() + x,
                getScene().getWindow().getY() + getScene().getY() + plot.getCenterY());
    }

    /** The volume axis's range now (for tests). */
    double[] volumeRange() {
        return new double[] {volumeAxis.getMin(), volumeAxis.getMax()};
    }

    String readoutText() {
        return readout.getText();
    }

    /**
     * Shows this snapshot; safe from any thread. The data was prepared on the caller's thread as one immutable
     * {@link ChartSnapshot}; the FX thread applies it to all data sets in one go, so no frame (and no reader on
     * the FX thread) ever sees candles of one update beside volumes of another. Snapshots that arrive faster than
     * the FX thread takes them are coalesced: only the newest is applied.
     */
    public void show(ChartSnapshot snapshot) {
        if (pending.getAndSet(snapshot) == null) {
            Platform.runLater(this::applyPending);
        }
    }

    private void applyPending() {
        if (dataLockedByLayout()) {
            applyAfterLayout();
            return;
        }
        ChartSnapshot snapshot = pending.getAndSet(null);
        if (snapshot == null) {
            return;
        }
        ChartSnapshot previous = current;
        current = snapshot;
        candles.lock().writeLockGuard(() -> candles.set(snapshot.ohlc(), false));
        set(closes, snapshot.lineX(), snapshot.line());
        set(vwap, snapshot.x(), snapshot.vwap());
        set(fastMean, snapshot.x(), snapshot.fastMean());
        set(slowMean, snapshot.x(), snapshot.slowMean());
        set(volumes, snapshot.x(), snapshot.volume());
        set(spikeVolumes, snapshot.x(), snapshot.spikeVolume());
        set(average, snapshot.x(), snapshot.average());
        candles.fireInvalidated(ChartBits.DataSetData);
        marks.show(snapshot, previous);
        if (!hovering || previous == null || !previous.symbol().equals(snapshot.symbol())
                || previous.step() != snapshot.step()) { // the newest candle, unless the pointer reads another
            List<Bar> shown = snapshot.candles();
            readout.setText(shown.isEmpty() ? snapshot.symbol() : describe(snapshot, shown.size() - 1));
        }
        refreshPointer();
        if (snapshot.range() != null) {
            range(snapshot.range()[0], snapshot.range()[1]);
        } else {
            fitValues(); // a new symbol's bars in an unchanged range: the value axes are fitted to them
        }
    }

    private static void set(DoubleDataSet set, double[] x, double[] y) {
        set.lock().writeLockGuard(() -> set.set(x.clone(), y, false));
        set.fireInvalidated(ChartBits.DataSetData);
    }

    /**
     * chartfx read-locks a chart's data sets from its layout to the end of the pulse that follows. A layout
     * outside a pulse (attaching the chart to a scene does one) leaves them locked until the next pulse, so a
     * write from the FX thread in between would wait for ever: the window froze. Such a write waits for the
     * pulse instead.
     */
    private boolean dataLockedByLayout() {
        for (DataSet dataSet : List.<DataSet>of(candles, closes, vwap, fastMean, slowMean, volumes, spikeVolumes,
                average)) {
            if (dataSet.lock() instanceof DefaultDataSetLock<?> lock && lock.getReaderCount() > 0) {
                return true;
            }
        }
        return false;
    }

    private void applyAfterLayout() {
        Scene scene = getScene();
        if (waitingForPulse || scene == null) {
            return;
        }
        waitingForPulse = true;
        Runnable[] afterPulse = new Runnable[1];
        afterPulse[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(afterPulse[0]);
            waitingForPulse = false;
            applyPending();
        });
        scene.addPostLayoutPulseListener(afterPulse[0]);
        Platform.requestNextPulse();
    }

    /** Sets the visible time range and fits the value axes to the candles in it; FX thread. */
    public void range(long fromMillis, long toMillis) {
        priceTime.setMin(fromMillis / 1000.0);
        priceTime.setMax(toMillis / 1000.0);
        fitValues();
    }

    /** Fits price and volume axes to the candles within the visible time range; FX thread. */
    void fitValues() {
        ChartSnapshot shown = current;
        if (shown == null) {
            return;
        }
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

    /** Shows or clears the selection band; FX thread. */
    public void selection(Long fromMillis, Long toMillis) {
        marks.selection(fromMillis, toMillis);
    }

    private void installPointer() {
        priceChart.getPlotArea().addEventHandler(MouseEvent.MOUSE_MOVED, event -> {
            hovering = true;
            lastMove = event;
            updateReadout(event);
            onHover.accept(timeAt(event));
        });
        priceChart.getPlotArea().addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            hovering = false;
            lastMove = null;
            onHover.accept(Double.NaN);
        });
        priceChart.getPlotArea().addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.isShiftDown() && event.getButton() == MouseButton.PRIMARY) {
                selectionStart = timeAt(event);
                event.consume();
            }
        });
        priceChart.getPlotArea().addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (selectionStart != null) {
                double now = timeAt(event);
                selection((long) (Math.min(selectionStart, now) * 1000), (long) (Math.max(selectionStart, now) * 1000));
                event.consume();
            }
        });
        priceChart.getPlotArea().addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (selectionStart != null) {
                double end = timeAt(event);
                onSelect.accept((long) (Math.min(selectionStart, end) * 1000), (long) (Math.max(selectionStart, end) * 1000));
                selectionStart = null;
                event.consume();
            }
        });
    }

    private double timeAt(MouseEvent event) {
        return timeAt(event.getSceneX(), event.getSceneY());
    }

    /** The time (epoch s) at a scene point. */
    double timeAt(double sceneX, double sceneY) {
        Point2D local = priceTime.sceneToLocal(sceneX, sceneY);
        return priceTime.getValueForDisplay(local.getX());
    }

    /**
     * The view moved under a pointer that did not (a zoom, a pan by keys, a new range, new bars): the readout and
     * the crosshair read what is under it now, not what was there before. The crosshair is told by the move it
     * would have seen.
     */
    private void refreshPointer() {
        Scene scene = getScene();
        if (!hovering || lastMove == null || pointerRefreshPending || scene == null) {
            return;
        }
        pointerRefreshPending = true;
        Runnable[] afterLayout = new Runnable[1];
        afterLayout[0] = () -> { // the axes map times to pixels anew in the layout: read after it
            scene.removePostLayoutPulseListener(afterLayout[0]);
            Platform.runLater(() -> {
                pointerRefreshPending = false;
                MouseEvent last = lastMove;
                if (hovering && last != null) {
                    priceChart.getPlotArea().fireEvent(last.copyFor(priceChart.getPlotArea(), priceChart.getPlotArea()));
                }
            });
        };
        scene.addPostLayoutPulseListener(afterLayout[0]);
        Platform.requestNextPulse();
    }



    /** The price at a scene y (for placing a level where the user clicked). */
    public double priceAt(double sceneY) {
        Point2D local = priceAxis.sceneToLocal(0, sceneY);
        return priceAxis.getValueForDisplay(local.getY());
    }

    public XYChart priceChart() {
        return priceChart;
    }

    private void updateReadout(MouseEvent event) {
        ChartSnapshot shown = current;
        if (shown == null) {
            return;
        }
        int index = candleAt(shown.candles(), (long) (timeAt(event) * 1000));
        if (index >= 0) {
            readout.setText(describe(shown, index));
        }
    }

    /** The candle whose time holds this instant, else the nearest; -1 without candles. */
    private static int candleAt(List<Bar> candles, long time) {
        int before = Bars.firstAtOrAfter(candles, time + 1) - 1;
        if (before >= 0 && candles.get(before).end() > time) {
            return before;
        }
        if (candles.isEmpty()) {
            return -1;
        }
        int after = Math.min(before + 1, candles.size() - 1);
        return before >= 0 && time - candles.get(before).end() <= candles.get(after).start() - time ? before : after;
    }

    /** A candle's readout, with the moving averages at it while they are shown. */
    private String describe(ChartSnapshot shown, int index) {
        String text = ChartFormat.describe(shown.candles().get(index), shown.step());
        if (!overlayRenderer.getDatasets().contains(fastMean)) {
            return fitted(text);
        }
        return fitted(text + "   MA" + ChartSnapshot.FAST_MEAN + " " + meanText(shown.fastMean()[index])
                + "  MA" + ChartSnapshot.SLOW_MEAN + " " + meanText(shown.slowMean()[index]));
    }

    /** The readout on one line where it fits, else broken between its groups onto more lines: never cut. */
    private String fitted(String text) {
        String[] groups = text.replace("\n", "   ").split(" {3}");
        double room = readout.getWidth() - readout.getPadding().getLeft() - readout.getPadding().getRight();
        javafx.scene.text.Text measured = new javafx.scene.text.Text();
        measured.setFont(readout.getFont());
        StringBuilder lines = new StringBuilder();
        String line = "";
        for (String group : groups) {
            String longer = line.isEmpty() ? group : line + "   " + group;
            measured.setText(longer);
            if (room > 0 && !line.isEmpty() && measured.getLayoutBounds().getWidth() > room) {
                lines.append(line).append('\n');
                line = group;
            } else {
                line = longer;
            }
        }
        return lines.append(line).toString();
    }

    private static String meanText(double value) {
        return Double.isNaN(value) ? "–" : ChartFormat.price(value);
    }


}
