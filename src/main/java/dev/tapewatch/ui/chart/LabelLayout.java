package dev.tapewatch.ui.chart;

import io.fair_acc.chartfx.Chart;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.scene.control.Label;

/**
 * Keeps the price pane's labels apart (spike labels lay on each other and on the levels'). It runs after the other
 * plugins of its chart have placed their labels, being the last of them ({@link ChartMarks} keeps it there). A level's
 * label stays on its line: one that would cover another level's slides along the line, away from its edge. A band's
 * label (a spike, a gap, the selection, extended hours) that would cover a label already placed is stacked clear of
 * it, upwards (downwards for those along the top), and left out when that takes it more than a third of the plot's
 * height from its place. The newest bands are placed first, so the latest spike keeps its place.
 */
final class LabelLayout extends ChartPlugin {
    private static final double GAP = 2;

    @Override
    public void runPostLayout() {
        Chart chart = getChart();
        if (chart == null) {
            return;
        }
        for (ChartPlugin plugin : chart.getPlugins()) {
            // a label added during a layout has no style, so no size, yet; nothing would lay it out again once it has
            if (plugin instanceof Labelled marked && shown(marked) && marked.label().getWidth() == 0) {
                marked.label().applyCss();
                plugin.runPostLayout();
            }
        }
        List<Bounds> placed = new ArrayList<>();
        for (ChartPlugin plugin : chart.getPlugins()) {
            if (plugin instanceof Level level && shown(level)) {
                placed.add(slide(level.label(), level.getLabelHorizontalAnchor() == HPos.LEFT, placed));
            }
        }
        double reach = chart.getCanvas().getHeight() / 3;
        chart.getPlugins().stream().filter(Band.class::isInstance).map(Band.class::cast)
                .filter(LabelLayout::shown)
                .sorted(Comparator.comparingDouble(Band::getUpperBound).reversed())
                .forEach(band -> stack(band.label(), band.getLabelVerticalPosition() < 0.5, reach, placed));
    }

    private static boolean shown(Labelled marked) {
        Label label = marked.label();
        return marked.getChartChildren().contains(label) && label.getText() != null && !label.getText().isEmpty();
    }

    /** Moves a level's label along its line (rightwards or leftwards) until it covers no placed label. */
    private static Bounds slide(Label label, boolean rightwards, List<Bounds> placed) {
        Bounds at = bounds(label);
        for (Bounds other = covered(at, placed); other != null; other = covered(at, placed)) {
            at = new BoundingBox(rightwards ? other.getMaxX() + GAP : other.getMinX() - GAP - at.getWidth(),
                    at.getMinY(), at.getWidth(), at.getHeight());
        }
        label.relocate(at.getMinX(), at.getMinY());
        return at;
    }

    /** Moves a band's label a row at a time (upwards or downwards) until it covers no placed label, or hides it. */
    private static void stack(Label label, boolean upwards, double reach, List<Bounds> placed) {
        Bounds at = bounds(label);
        double from = at.getMinY();
        for (Bounds other = covered(at, placed); other != null && Math.abs(at.getMinY() - from) <= reach;
                other = covered(at, placed)) {
            at = new BoundingBox(at.getMinX(), upwards ? other.getMinY() - GAP - at.getHeight() : other.getMaxY() + GAP,
                    at.getWidth(), at.getHeight());
        }
        boolean clear = Math.abs(at.getMinY() - from) <= reach && covered(at, placed) == null;
        label.setVisible(clear);
        if (clear) {
            label.relocate(at.getMinX(), at.getMinY());
            placed.add(at);
        }
    }

    private static Bounds bounds(Label label) {
        return new BoundingBox(label.getLayoutX(), label.getLayoutY(), label.getWidth(), label.getHeight());
    }

    /** The first placed label this one would cover, or null. */
    private static Bounds covered(Bounds at, List<Bounds> placed) {
        for (Bounds other : placed) {
            if (other.intersects(at)) {
                return other;
            }
        }
        return null;
    }
}
