package dev.tapewatch.ui.chart;

import dev.tapewatch.market.DayLevels;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.Themes;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * What is drawn over the data of a {@link PriceVolumeChart}: shaded time bands (spikes, recording gaps, missing
 * seconds, extended hours, the selection) across both panes, and the day's reference levels on the price pane.
 * Replaced only when they change, on the FX thread.
 */
public final class ChartMarks {
    private final XYChart priceChart;
    private final XYChart volumeChart;
    private final Axis priceTime;
    private final Axis volumeTime;
    private final Axis priceAxis;
    /** The price pane's last plugin: it lays out the labels the others placed. */
    private final LabelLayout labels = new LabelLayout();
    private final List<Band> bands = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Level> alertLines = new ArrayList<>();
    private List<Double> alertPrices = List.of();
    private java.util.function.BiConsumer<Double, Double> moved = (from, to) -> { };
    private Band selectionBand;
    private io.fair_acc.chartfx.plugins.XValueIndicator[] timeCursor;
    private Themes.Palette palette = Themes.palette();
    private DayLevels shownLevels;

    ChartMarks(XYChart priceChart, XYChart volumeChart) {
        this.priceChart = priceChart;
        this.volumeChart = volumeChart;
        this.priceTime = priceChart.getXAxis();
        this.volumeTime = volumeChart.getXAxis();
        this.priceAxis = priceChart.getYAxis();
    }

    /** The plugin to add last to the price pane (after any the chart adds itself); marks go before it. */
    ChartPlugin labelLayout() {
        return labels;
    }

    private void add(XYChart target, ChartPlugin plugin) {
        int last = target.getPlugins().indexOf(labels);
        target.getPlugins().add(last < 0 ? target.getPlugins().size() : last, plugin);
    }

    /** The bands and levels of this snapshot, where they differ from the previous one's. */
    void show(ChartSnapshot snapshot, ChartSnapshot previous) {
        if (previous == null || !snapshot.spikes().equals(previous.spikes()) || !snapshot.gaps().equals(previous.gaps())
                || !snapshot.missing().equals(previous.missing())
                || !snapshot.extendedHours().equals(previous.extendedHours())) {
            bands(snapshot);
        }
        if (!snapshot.levels().equals(shownLevels)) {
            levels(snapshot.levels());
        }
    }

    void recolour(Themes.Palette now) {
        palette = now;
        if (shownLevels != null) {
            levels(shownLevels);
        }
        List<Double> prices = alertPrices;
        alertPrices = List.of();
        alertLines(prices, moved);
    }

    /** The shown symbol's price alert lines, draggable; {@code onMoved} gets (old price, new price) on release. */
    public void alertLines(List<Double> prices, java.util.function.BiConsumer<Double, Double> onMoved) {
        moved = onMoved;
        if (prices.equals(alertPrices)) {
            return;
        }
        alertPrices = List.copyOf(prices);
        priceChart.getPlugins().removeAll(alertLines);
        alertLines.clear();
        for (double price : prices) {
            Level line = new Level(priceAxis, price, "alert " + ChartFormat.price(price), palette.alert(), true, false);
            line.onDropped(now -> {
                if (now != price) {
                    moved.accept(price, now);
                }
            });
            alertLines.add(line);
            add(priceChart, line);
        }
    }

    private void bands(ChartSnapshot snapshot) {
        for (Band band : bands) {
            priceChart.getPlugins().remove(band);
            volumeChart.getPlugins().remove(band);
        }
        bands.clear();
        for (ChartSnapshot.Shade shade : snapshot.extendedHours()) {
            addBand(shade.start(), shade.end(), shade.label(), Band.Kind.EXTENDED_HOURS);
        }
        for (Spike spike : snapshot.spikes()) {
            addBand(spike.start(), spike.end(), ChartFormat.describe(spike), Band.Kind.valueOf(spike.kind().name()));
        }
        for (Coverage.Gap gap : snapshot.gaps()) {
            addBand(gap.start(), gap.end(), "not recorded", Band.Kind.GAP);
        }
        for (Coverage.Gap gap : snapshot.missing()) {
            addBand(gap.start(), gap.end(), "missing", Band.Kind.MISSING);
        }
    }

    private void addBand(long start, long end, String text, Band.Kind kind) {
        Band price = new Band(priceTime, start / 1000.0, end / 1000.0, text, kind);
        Band volume = new Band(volumeTime, start / 1000.0, end / 1000.0, "", kind);
        add(priceChart, price);
        add(volumeChart, volume);
        bands.add(price);
        bands.add(volume);
    }

    private void levels(DayLevels day) {
        shownLevels = day;
        priceChart.getPlugins().removeAll(levels);
        levels.clear();
        addLevel(day.previousClose(), "prev close", palette.previousClose(), true);
        addLevel(day.dayOpen(), "open", palette.open(), true);
        addLevel(day.high(), "high", palette.high(), false);
        addLevel(day.low(), "low", palette.low(), false);
    }

    private void addLevel(double price, String name, String colour, boolean labelLeft) {
        if (Double.isNaN(price)) {
            return;
        }
        Level level = new Level(priceAxis, price, name + " " + ChartFormat.price(price), colour, false, labelLeft);
        levels.add(level);
        add(priceChart, level);
    }

    /** Shows or clears the selection band. */
    void selection(Long fromMillis, Long toMillis) {
        if (selectionBand != null) {
            priceChart.getPlugins().remove(selectionBand);
            selectionBand = null;
        }
        if (fromMillis != null) {
            selectionBand = new Band(priceTime, fromMillis / 1000.0, toMillis / 1000.0, "selection",
                    Band.Kind.SELECTION);
            add(priceChart, selectionBand);
        }
    }

    /** A thin line across both panes at a time another chart's pointer is on; NaN removes it. */
    void timeCursor(double seconds) {
        if (timeCursor == null) {
            timeCursor = new io.fair_acc.chartfx.plugins.XValueIndicator[] {
                    new io.fair_acc.chartfx.plugins.XValueIndicator(priceTime, 0),
                    new io.fair_acc.chartfx.plugins.XValueIndicator(volumeTime, 0)};
            for (io.fair_acc.chartfx.plugins.XValueIndicator cursor : timeCursor) {
                cursor.setEditable(false);
            }
        }
        for (int i = 0; i < 2; i++) {
            XYChart target = i == 0 ? priceChart : volumeChart;
            if (Double.isNaN(seconds)) {
                target.getPlugins().remove(timeCursor[i]);
            } else {
                timeCursor[i].setValue(seconds);
                if (!target.getPlugins().contains(timeCursor[i])) {
                    add(target, timeCursor[i]);
                }
            }
        }
    }
}
