package dev.tapewatch.ui.chart;

import dev.tapewatch.market.Bar;
import dev.tapewatch.ui.common.Themes;
import io.fair_acc.chartfx.XYChart;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Price (candles or a close line, with VWAP and two moving averages) above volume bars with the detector's moving
 * average, on one time axis, under a readout of the candle at the pointer. {@link #show} takes a
 * {@link ChartSnapshot} from any thread; the FX thread applies it to all data sets, bands, levels and value ranges in
 * one go, and chartfx redraws once per pulse. Its parts: {@link ChartPanes} (the two charts, their axes and divider),
 * {@link ChartSeries} (data sets and renderers), {@link ChartMarks} (bands, levels, lines) and the plugins
 * {@link Crosshair}, {@link PointerReadout}, {@link SelectionDrag} and {@link LabelLayout}.
 */
public final class PriceVolumeChart extends VBox {
    /** Price over volume, 70 % to 30 % until the user drags the divider. */
    public static final double DEFAULT_PRICE_SHARE = ChartPanes.DEFAULT_PRICE_SHARE;

    private final ChartPanes panes = new ChartPanes();
    private final ChartSeries series = new ChartSeries(panes.priceChart(), panes.volumeChart());
    private final ChartMarks marks;
    private final PointerReadout pointer;
    private final SelectionDrag selection;
    private final AtomicReference<ChartSnapshot> pending = new AtomicReference<>();
    private volatile ChartSnapshot current;
    private Runnable onViewport = () -> { };
    private boolean waitingForPulse;

    public PriceVolumeChart() {
        getStyleClass().add("price-volume-chart");
        getStylesheets().add(PriceVolumeChart.class.getResource("/dev/tapewatch/ui/tapewatch.css").toExternalForm());
        pointer = new PointerReadout(() -> current, series::meansShown);
        marks = new ChartMarks(panes.priceChart(), panes.volumeChart());
        selection = new SelectionDrag(marks::selection);
        panes.priceChart().getPlugins().addAll(new Crosshair(), pointer, selection, marks.labelLayout());
        panes.onViewChange(() -> {
            onViewport.run();
            pointer.refresh();
        }, () -> onViewport.run());
        recolour();
        Themes.darkProperty().addListener((o, was, now) -> recolour());
        VBox.setVgrow(panes, Priority.ALWAYS);
        getChildren().addAll(pointer.label(), panes);
    }

    /** Line colours of the applied theme (FX thread). */
    private void recolour() {
        Themes.Palette palette = Themes.palette();
        series.recolour(palette);
        marks.recolour(palette);
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
        if (series.lockedByLayout()) {
            applyAfterLayout();
            return;
        }
        ChartSnapshot snapshot = pending.getAndSet(null);
        if (snapshot == null) {
            return;
        }
        ChartSnapshot previous = current;
        current = snapshot;
        series.apply(snapshot);
        marks.show(snapshot, previous);
        pointer.shown(snapshot, previous);
        if (snapshot.range() != null) {
            range(snapshot.range()[0], snapshot.range()[1]);
        } else {
            panes.fitValues(snapshot); // a new symbol's bars in an unchanged range: the value axes are fitted to them
        }
    }

    /** The data sets are read-locked until the next pulse ({@link ChartSeries#lockedByLayout}): apply after it. */
    private void applyAfterLayout() {
        Scene scene = getScene();
        if (waitingForPulse || scene == null) {
            return;
        }
        waitingForPulse = true;
        NextLayout.then(scene, () -> {
            waitingForPulse = false;
            applyPending();
        });
    }

    /** Sets the visible time range and fits the value axes to the candles in it; FX thread. */
    public void range(long fromMillis, long toMillis) {
        panes.time(fromMillis, toMillis);
        ChartSnapshot shown = current;
        if (shown != null) {
            panes.fitValues(shown);
        }
    }

    /** The latest time in view (epoch ms); FX thread. */
    public long visibleTo() {
        return panes.visibleTo();
    }

    /** The earliest time in view (epoch ms); FX thread. */
    public long visibleFrom() {
        return panes.visibleFrom();
    }

    /** Seconds of time per pixel of plot width now (FX thread); NaN before the first layout. */
    public double secondsPerPixel() {
        return panes.secondsPerPixel();
    }

    public double plotWidth() {
        return panes.plotWidth();
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

    /** Candles, or the close line; FX thread. */
    void showCandles(boolean candlesOn) {
        series.showCandles(candlesOn);
    }

    /** Shows or hides VWAP and the two moving averages; FX thread. */
    void showOverlays(boolean vwapOn, boolean meansOn) {
        series.showOverlays(vwapOn, meansOn);
    }

    public ChartMarks marks() {
        return marks;
    }

    public XYChart priceChart() {
        return panes.priceChart();
    }

    /** The price at a scene y (for placing a level where the user clicked). */
    public double priceAt(double sceneY) {
        return panes.priceAt(sceneY);
    }

    /** Shows or clears the selection band; FX thread. */
    public void selection(Long fromMillis, Long toMillis) {
        marks.selection(fromMillis, toMillis);
    }

    /** Called with a selected range [from, to) in epoch ms after a shift-drag. */
    public void setOnSelect(BiConsumer<Long, Long> listener) {
        selection.setOnSelect(listener);
    }

    /** Called when the user zooms or pans (so a live view can stop following). */
    public void setOnUserMove(Runnable listener) {
        panes.setOnUserMove(listener);
    }

    /** Called on the FX thread when the visible time range or the plot's width changes. */
    public void setOnViewport(Runnable listener) {
        onViewport = listener;
    }

    /** Called with the hovered time (epoch s), NaN when the pointer leaves the chart. */
    public void setOnHover(DoubleConsumer listener) {
        pointer.setOnHover(listener);
    }

    /** A thin line at a time another chart's pointer is on (NaN removes it); FX thread. */
    public void showTimeCursor(double seconds) {
        marks.timeCursor(seconds);
    }

    /** The share of the height the price pane has (the divider's position) now; FX thread. */
    public double priceShare() {
        return panes.priceShare();
    }

    /** Places the divider at this share of the height; it stays there as the chart is resized (FX thread). */
    public void priceShare(double share) {
        panes.priceShare(share);
    }

    /** Called with the share the user dragged the divider to. */
    public void setOnPriceShareChosen(DoubleConsumer listener) {
        panes.setOnPriceShareChosen(listener);
    }
}
