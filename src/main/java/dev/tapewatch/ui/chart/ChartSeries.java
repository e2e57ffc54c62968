package dev.tapewatch.ui.chart;

import dev.tapewatch.ui.common.Themes;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.MultiDimDoubleDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart's data sets and their renderers: candles or the close line with VWAP and two moving averages on the price
 * pane, volume bars (apart inside a spike) with the detector's moving average on the volume pane. Written whole from a
 * {@link ChartSnapshot} on the FX thread.
 */
final class ChartSeries {
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
    private final XYChart priceChart;

    ChartSeries(XYChart priceChart, XYChart volumeChart) {
        this.priceChart = priceChart;
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
    }

    private static ErrorDataSetRenderer lineRenderer() {
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setAllowNaNs(true); // a NaN point breaks the line: nothing is drawn across a recording gap
        return renderer;
    }

    /** Line colours of this theme. */
    void recolour(Themes.Palette palette) {
        closes.setStyle(lineStyle(palette.close(), 1.6));
        average.setStyle(lineStyle(palette.volumeAverage(), 1.8));
        vwap.setStyle(lineStyle(palette.vwap(), 1.6));
        fastMean.setStyle(lineStyle(palette.fastMean(), 1.2));
        slowMean.setStyle(lineStyle(palette.slowMean(), 1.2));
    }

    private static String lineStyle(String colour, double width) {
        return "-color-dataset: " + colour + "; -fx-stroke: " + colour + "; -fx-line-width: " + width + ";";
    }

    /** Every data set takes this snapshot's values. */
    void apply(ChartSnapshot snapshot) {
        candles.lock().writeLockGuard(() -> candles.set(snapshot.ohlc(), false));
        set(closes, snapshot.lineX(), snapshot.line());
        set(vwap, snapshot.x(), snapshot.vwap());
        set(fastMean, snapshot.x(), snapshot.fastMean());
        set(slowMean, snapshot.x(), snapshot.slowMean());
        set(volumes, snapshot.x(), snapshot.volume());
        set(spikeVolumes, snapshot.x(), snapshot.spikeVolume());
        set(average, snapshot.x(), snapshot.average());
        candles.fireInvalidated(ChartBits.DataSetData);
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
    boolean lockedByLayout() {
        for (DataSet dataSet : List.<DataSet>of(candles, closes, vwap, fastMean, slowMean, volumes, spikeVolumes,
                average)) {
            if (dataSet.lock() instanceof DefaultDataSetLock<?> lock && lock.getReaderCount() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Candles, or the close line. Only the first renderer is replaced: chartfx handles a change's added renderers
     * before its removed ones, so re-adding the overlays in one {@code setAll} left them detached from the chart, and
     * every later layout threw "The chart must be non-null!" (the window froze).
     */
    void showCandles(boolean candlesOn) {
        Renderer wanted = candlesOn ? candleRenderer : lineRenderer;
        if (priceChart.getRenderers().get(0) != wanted) {
            priceChart.getRenderers().set(0, wanted);
        }
    }

    /** Shows or hides VWAP and the two moving averages. */
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

    boolean meansShown() {
        return overlayRenderer.getDatasets().contains(fastMean);
    }
}
