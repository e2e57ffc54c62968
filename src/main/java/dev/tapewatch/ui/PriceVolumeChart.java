package dev.tapewatch.ui;

import dev.tapewatch.market.Bar;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import javafx.application.Platform;
import javafx.scene.Scene;
import dev.tapewatch.market.Bars;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.MultiDimDoubleDataSet;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Price (candles or a close line) above volume bars with the detector's moving average, on one time axis.
 * {@link #show} takes a {@link ChartSnapshot} from any thread; the FX thread applies it to all data sets, bands
 * and range in one go, and chartfx redraws once per pulse. Time is epoch seconds on the axis and labelled in
 * America/New_York (daylight saving included).
 * <p>
 * Longer than the other views on purpose: it is one control, and its parts (two linked charts, their axes,
 * renderers, zoom, crosshair readout, bands and selection) only make sense together.
 */
public final class PriceVolumeChart extends VBox {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DefaultNumericAxis priceTime = timeAxis();
    private final DefaultNumericAxis volumeTime = timeAxis();
    private final DefaultNumericAxis priceAxis = new DefaultNumericAxis("price", null);
    private final DefaultNumericAxis volumeAxis = new DefaultNumericAxis("volume", null);
    private final XYChart priceChart;
    private final XYChart volumeChart;
    private final MultiDimDoubleDataSet candles = new MultiDimDoubleDataSet("OHLC", 7);
    private final DoubleDataSet closes = new DoubleDataSet("close");
    private final DoubleDataSet volumes = new DoubleDataSet("volume");
    private final DoubleDataSet spikeVolumes = new DoubleDataSet("spike volume");
    private final DoubleDataSet average = new DoubleDataSet("60 s average");
    private final CandleStickRenderer candleRenderer = new CandleStickRenderer();
    private final ErrorDataSetRenderer lineRenderer = new ErrorDataSetRenderer();
    private final Label readout = new Label(" ");
    private final List<Band> bands = new ArrayList<>();
    private volatile List<Bar> shown = List.of();
    private BiConsumer<Long, Long> onSelect = (from, to) -> { };
    private Runnable onUserMove = () -> { };
    private Double selectionStart;
    private boolean candlesPreferred = true;
    private boolean candlesShown = true;
    private Band selectionBand;

    public PriceVolumeChart() {
        getStyleClass().add("price-volume-chart");
        getStylesheets().add(PriceVolumeChart.class.getResource("tapewatch.css").toExternalForm());
        priceAxis.setSide(Side.RIGHT);
        volumeAxis.setSide(Side.RIGHT);
        priceAxis.setAutoRanging(false);
        volumeAxis.setAutoRanging(false);
        volumeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number shares) {
                return compactShares(shares.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        priceChart = new XYChart(priceTime, priceAxis);
        volumeChart = new XYChart(volumeTime, volumeAxis);
        for (XYChart chart : List.of(priceChart, volumeChart)) {
            chart.setLegendVisible(false);
            chart.setAnimated(false);
            chart.getRenderers().clear();
            Zoomer zoomer = new Zoomer(AxisMode.X);
            zoomer.setSliderVisible(false);
            zoomer.setAddButtonsToToolBar(false);
            // chartfx's default (primary button, no modifier) minus nothing: Shift-drag is ours, for selecting.
            zoomer.setZoomInMouseFilter(event -> event.isPrimaryButtonDown() && !event.isSecondaryButtonDown()
                    && !event.isMiddleButtonDown() && !event.isShiftDown() && !event.isControlDown()
                    && !event.isAltDown() && !event.isMetaDown());
            chart.getPlugins().add(zoomer);
            chart.getToolBar().setVisible(false);
            chart.getToolBar().setManaged(false);
            // a drag zooms or pans; a plain click (a stray one, or to read the crosshair) moves nothing
            chart.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
                if (!event.isShiftDown()) {
                    onUserMove.run();
                }
            });
            chart.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, event -> onUserMove.run());
        }
        volumeTime.minProperty().bindBidirectional(priceTime.minProperty());
        volumeTime.maxProperty().bindBidirectional(priceTime.maxProperty());
        priceTime.setAutoRanging(false);
        volumeTime.setAutoRanging(false);

        priceChart.getPlugins().add(new CrosshairIndicator());
        priceTime.minProperty().addListener(change -> applyPriceStyle());
        priceTime.maxProperty().addListener(change -> applyPriceStyle());
        candleRenderer.getDatasets().add(candles);
        priceChart.getRenderers().add(candleRenderer);
        lineRenderer.setPolyLineStyle(LineStyle.NORMAL);
        lineRenderer.setDrawMarker(false);
        lineRenderer.setErrorStyle(ErrorStyle.NONE);

        ErrorDataSetRenderer bars = new ErrorDataSetRenderer();
        bars.setPolyLineStyle(LineStyle.NONE);
        bars.setDrawBars(true);
        bars.setDrawMarker(false);
        bars.setErrorStyle(ErrorStyle.NONE);
        bars.setDynamicBarWidth(true);
        volumes.setStyle("-color-dataset: #78909c;");
        spikeVolumes.setStyle("-color-dataset: #ff7043;");
        bars.getDatasets().addAll(volumes, spikeVolumes);
        ErrorDataSetRenderer averageLine = new ErrorDataSetRenderer();
        averageLine.setPolyLineStyle(LineStyle.NORMAL);
        averageLine.setDrawMarker(false);
        averageLine.setErrorStyle(ErrorStyle.NONE);
        average.setStyle("-color-dataset: #fdd835; -fx-line-width: 1.5;");
        averageLine.getDatasets().add(average);
        volumeChart.getRenderers().addAll(bars, averageLine);

        readout.getStyleClass().add("chart-readout");
        VBox.setVgrow(priceChart, Priority.ALWAYS);
        volumeChart.setPrefHeight(220);
        volumeChart.setMinHeight(120);
        getChildren().addAll(readout, priceChart, volumeChart);
        installPointer();
    }

    /** Steps a clock reads easily, in seconds: 1, 2, 5, 10, 15, 30 s, then minutes and hours alike. */
    private static final double[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10800, 14400, 21600, 43200, 86400};

    private static DefaultNumericAxis timeAxis() {
        DefaultNumericAxis axis = new DefaultNumericAxis("time, America/New_York", null) {
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
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(ExchangeTime.localDateTime((long) (seconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        return axis;
    }

    /** Volumes as people say them: 950, 12.5k, 1.3M, never in scientific notation. */
    static String compactShares(double shares) {
        double magnitude = Math.abs(shares);
        if (magnitude >= 1e6) {
            return trimmed(shares / 1e6) + "M";
        }
        if (magnitude >= 1e3) {
            return trimmed(shares / 1e3) + "k";
        }
        return trimmed(shares);
    }

    private static String trimmed(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** The labels on the volume axis and the values of the time axis's ticks, as drawn (for tests). */
    List<String> volumeTickLabels() {
        return volumeAxis.getTickMarks().stream().map(io.fair_acc.chartfx.axes.spi.TickMark::getText).toList();
    }

    List<Double> timeTickValues() {
        return priceTime.getTickMarks().stream().map(io.fair_acc.chartfx.axes.spi.TickMark::getValue).toList();
    }

    /** Called with a selected range [from, to) in epoch ms after a shift-drag. */
    void setOnSelect(BiConsumer<Long, Long> listener) {
        onSelect = listener;
    }

    /** Called when the user zooms or pans (so a live view can stop following). */
    void setOnUserMove(Runnable listener) {
        onUserMove = listener;
    }

    /** The user's choice; candles still give way to a close line when there are far more of them than pixels. */
    void showCandles(boolean preferred) {
        candlesPreferred = preferred;
        applyPriceStyle();
    }

    private void applyPriceStyle() {
        double width = priceChart.getPlotArea().getWidth() > 0 ? priceChart.getPlotArea().getWidth() : 800;
        long from = (long) (priceTime.getMin() * 1000);
        long to = (long) (priceTime.getMax() * 1000);
        List<Bar> bars = shown;
        int visible = Bars.firstAtOrAfter(bars, to) - Bars.firstAtOrAfter(bars, from);
        boolean candlesOn = candlesPreferred && visible <= 2 * width; // below half a pixel a candle is noise
        if (candlesOn == candlesShown && !priceChart.getRenderers().isEmpty()) {
            return;
        }
        candlesShown = candlesOn;
        priceChart.getRenderers().setAll(candlesOn ? candleRenderer : lineRenderer);
        if (candlesOn) {
            lineRenderer.getDatasets().clear();
            candleRenderer.getDatasets().setAll(candles);
        } else {
            candleRenderer.getDatasets().clear();
            lineRenderer.getDatasets().setAll(closes);
        }
    }

    /** The earliest time in view (epoch ms); FX thread. */
    long visibleFrom() {
        return (long) (priceTime.getMin() * 1000);
    }

    /** The bars shown now (a snapshot; any thread). */
    List<Bar> shownBars() {
        return shown;
    }

    int priceDataCount() {
        return candles.getDataCount();
    }

    int volumeDataCount() {
        return volumes.getDataCount() + spikeVolumes.getDataCount();
    }

    int averageDataCount() {
        return average.getDataCount();
    }

    private final java.util.concurrent.atomic.AtomicReference<ChartSnapshot> pending =
            new java.util.concurrent.atomic.AtomicReference<>();
    private List<Object> shownBands = List.of();

    List<Band> bands() {
        return List.copyOf(bands);
    }

    /**
     * Shows these bars; safe from any thread. The data is prepared here, on the caller's thread, as one
     * immutable {@link ChartSnapshot}; the FX thread applies it to all five data sets in one go, so no frame
     * (and no reader on the FX thread) ever sees candles of one update beside volumes of another. Snapshots
     * that arrive faster than the FX thread takes them are coalesced: only the newest is applied.
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
        shown = snapshot.bars();
        candles.lock().writeLockGuard(() -> candles.set(snapshot.ohlc(), false));
        closes.lock().writeLockGuard(() -> closes.set(snapshot.x(), snapshot.close(), false));
        volumes.lock().writeLockGuard(() -> volumes.set(snapshot.x(), snapshot.volume(), false));
        spikeVolumes.lock().writeLockGuard(() -> spikeVolumes.set(snapshot.x().clone(), snapshot.spikeVolume(), false));
        average.lock().writeLockGuard(() -> average.set(snapshot.x().clone(), snapshot.average(), false));
        candles.fireInvalidated(ChartBits.DataSetData);
        closes.fireInvalidated(ChartBits.DataSetData);
        volumes.fireInvalidated(ChartBits.DataSetData);
        spikeVolumes.fireInvalidated(ChartBits.DataSetData);
        average.fireInvalidated(ChartBits.DataSetData);
        List<Object> bandsOf = List.of(snapshot.spikes(), snapshot.gaps(), snapshot.missing());
        if (!bandsOf.equals(shownBands)) {
            shownBands = bandsOf;
            bands(snapshot.spikes(), snapshot.gaps(), snapshot.missing());
        }
        if (snapshot.range() != null) {
            range(snapshot.range()[0], snapshot.range()[1]);
        }
    }

    /**
     * chartfx read-locks a chart's data sets from its layout to the end of the pulse that follows. A layout
     * outside a pulse (attaching the chart to a scene does one) leaves them locked until the next pulse, so a
     * write from the FX thread in between would wait for ever: the window froze. Such a write waits for the
     * pulse instead.
     */
    private boolean dataLockedByLayout() {
        for (DataSet dataSet : List.<DataSet>of(candles, closes, volumes, spikeVolumes, average)) {
            if (dataSet.lock() instanceof DefaultDataSetLock<?> lock && lock.getReaderCount() > 0) {
                return true;
            }
        }
        return false;
    }

    private boolean waitingForPulse;

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

    /** Sets the visible time range and fits the value axes to the bars in it; FX thread. */
    void range(long fromMillis, long toMillis) {
        priceTime.setMin(fromMillis / 1000.0);
        priceTime.setMax(toMillis / 1000.0);
        fitValues();
    }

    /** Fits price and volume axes to the shown bars within the visible time range; FX thread. */
    void fitValues() {
        List<Bar> bars = shown;
        int first = Bars.firstAtOrAfter(bars, (long) (priceTime.getMin() * 1000));
        int end = Bars.firstAtOrAfter(bars, (long) (priceTime.getMax() * 1000) + 1);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double maxVolume = 0;
        for (Bar bar : bars.subList(first, end)) { // only what is visible: this runs on the FX thread
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
        }
    }

    /** Replaces the shaded bands (spikes, gaps, and seconds an audit found missing); FX thread. */
    private void bands(List<Spike> spikes, List<dev.tapewatch.store.Coverage.Gap> gaps,
               List<dev.tapewatch.store.Coverage.Gap> missing) {
        for (Band band : bands) {
            priceChart.getPlugins().remove(band);
            volumeChart.getPlugins().remove(band);
        }
        bands.clear();
        for (Spike spike : spikes) {
            Band.Kind kind = Band.Kind.valueOf(spike.kind().name());
            addBand(spike.start(), spike.end(), String.format(Locale.ROOT, "%s %.0fx", spike.kind().name().toLowerCase(
                    Locale.ROOT), spike.volumeMultiple()), kind);
        }
        for (dev.tapewatch.store.Coverage.Gap gap : gaps) {
            addBand(gap.start(), gap.end(), "no data", Band.Kind.GAP);
        }
        for (dev.tapewatch.store.Coverage.Gap gap : missing) {
            addBand(gap.start(), gap.end(), "missing", Band.Kind.MISSING);
        }
    }

    private void addBand(long start, long end, String text, Band.Kind kind) {
        Band price = new Band(priceTime, start / 1000.0, end / 1000.0, text, kind);
        Band volume = new Band(volumeTime, start / 1000.0, end / 1000.0, "", kind);
        priceChart.getPlugins().add(price);
        volumeChart.getPlugins().add(volume);
        bands.add(price);
        bands.add(volume);
    }

    /** Shows or clears the selection band; FX thread. */
    void selection(Long fromMillis, Long toMillis) {
        if (selectionBand != null) {
            priceChart.getPlugins().remove(selectionBand);
            selectionBand = null;
        }
        if (fromMillis != null) {
            selectionBand = new Band(priceTime, fromMillis / 1000.0, toMillis / 1000.0, "selection",
                    Band.Kind.SELECTION);
            priceChart.getPlugins().add(selectionBand);
        }
    }

    private void installPointer() {
        priceChart.getPlotArea().addEventHandler(MouseEvent.MOUSE_MOVED, event -> updateReadout(event));
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
        Point2D local = priceTime.sceneToLocal(event.getSceneX(), event.getSceneY());
        return priceTime.getValueForDisplay(local.getX());
    }

    private void updateReadout(MouseEvent event) {
        long time = (long) (timeAt(event) * 1000);
        Bar nearest = Bars.nearest(shown, time);
        if (nearest != null) {
            readout.setText(describe(nearest));
        }
    }

    static String describe(Bar bar) {
        return String.format(Locale.ROOT, "%s %s   O %s  H %s  L %s  C %s   V %,.0f   VWAP %s", bar.symbol(),
                CLOCK.format(ExchangeTime.localDateTime(bar.start())), price(bar.open()), price(bar.high()),
                price(bar.low()), price(bar.close()), bar.volume(), price(bar.vwap()));
    }

    private static String price(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
