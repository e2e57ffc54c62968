package dev.tapewatch.ui.chart;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Bars;
import dev.tapewatch.ui.common.ChartFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The line above the chart (the label {@code #readout}): the candle under the pointer, or the newest one while the
 * pointer is elsewhere, with the moving averages while they are shown. When the view moves under a still pointer (a
 * zoom, a pan by keys, a new range, new bars) it reads what is under the pointer now, and so does the crosshair.
 */
final class PointerReadout extends PlotPlugin {
    private final Label readout = new Label(" ");
    private final Supplier<ChartSnapshot> shown;
    private final BooleanSupplier meansShown;
    private DoubleConsumer onHover = seconds -> { };
    private boolean hovering;
    /** The pointer's last move over the price pane while it is there. */
    private MouseEvent lastMove;
    private boolean refreshPending;

    /** {@code shown}: the snapshot on the chart; {@code meansShown}: whether the moving averages are drawn. */
    PointerReadout(Supplier<ChartSnapshot> shown, BooleanSupplier meansShown) {
        this.shown = shown;
        this.meansShown = meansShown;
        readout.getStyleClass().add("chart-readout");
        readout.setId("readout");
        readout.setMinWidth(0);
        readout.setMinHeight(Region.USE_PREF_SIZE); // as many lines as it takes
        readout.widthProperty().addListener((o, was, now) -> readout.setText(fitted(readout.getText())));
        onPlot(MouseEvent.MOUSE_MOVED, this::moved, false);
        onPlot(MouseEvent.MOUSE_EXITED, this::exited, false);
    }

    private void moved(MouseEvent event) {
        hovering = true;
        lastMove = event;
        ChartSnapshot now = shown.get();
        int index = now == null ? -1 : candleAt(now.candles(), (long) (timeAt(event) * 1000));
        if (index >= 0) {
            readout.setText(describe(now, index));
        }
        onHover.accept(timeAt(event));
    }

    private void exited(MouseEvent event) {
        hovering = false;
        lastMove = null;
        onHover.accept(Double.NaN);
    }

    Label label() {
        return readout;
    }

    /** Called with the hovered time (epoch s), NaN when the pointer leaves the chart. */
    void setOnHover(DoubleConsumer listener) {
        onHover = listener;
    }

    /** A new snapshot is on the chart: the readout names its newest candle, unless the pointer reads another. */
    void shown(ChartSnapshot snapshot, ChartSnapshot previous) {
        if (!hovering || previous == null || !previous.symbol().equals(snapshot.symbol())
                || previous.step() != snapshot.step()) {
            List<Bar> candles = snapshot.candles();
            readout.setText(candles.isEmpty() ? snapshot.symbol() : describe(snapshot, candles.size() - 1));
        }
        refresh();
    }

    /**
     * The view moved under a pointer that did not: the readout and the crosshair are told by the move they would
     * have seen, once the axes map times to pixels anew (in the layout).
     */
    void refresh() {
        Scene scene = readout.getScene();
        if (!hovering || lastMove == null || refreshPending || scene == null || getChart() == null) {
            return;
        }
        refreshPending = true;
        NextLayout.then(scene, () -> {
            refreshPending = false;
            MouseEvent last = lastMove;
            if (hovering && last != null && getChart() != null) {
                Node plot = getChart().getPlotArea();
                plot.fireEvent(last.copyFor(plot, plot));
            }
        });
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
    private String describe(ChartSnapshot snapshot, int index) {
        String text = ChartFormat.describe(snapshot.candles().get(index), snapshot.step());
        if (!meansShown.getAsBoolean()) {
            return fitted(text);
        }
        return fitted(text + "   MA" + ChartSnapshot.FAST_MEAN + " " + meanText(snapshot.fastMean()[index])
                + "  MA" + ChartSnapshot.SLOW_MEAN + " " + meanText(snapshot.slowMean()[index]));
    }

    private static String meanText(double value) {
        return Double.isNaN(value) ? "–" : ChartFormat.price(value);
    }

    /** The readout on one line where it fits, else broken between its groups onto more lines: never cut. */
    private String fitted(String text) {
        String[] groups = text.replace("\n", "   ").split(" {3}");
        double room = readout.getWidth() - readout.getPadding().getLeft() - readout.getPadding().getRight();
        Text measured = new Text();
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
}
