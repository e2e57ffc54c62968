package dev.tapewatch.ui.chart;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import javafx.geometry.HPos;
import javafx.scene.control.Label;

/**
 * A horizontal price line with its label at one edge (references of the day's start on the left, of its range on
 * the right, so close levels do not hide each other's labels): a reference level, or a draggable alert.
 */
final class Level extends YValueIndicator implements Labelled {
    /** Marks the nodes of a draggable line: dragging one moves the line, not the chart. */
    static final String DRAGGABLE = "tapewatch.draggableLevel";

    Level(Axis priceAxis, double price, String text, String color, boolean draggable, boolean labelLeft) {
        super(priceAxis, price, text);
        setEditable(draggable);
        if (draggable) {
            for (javafx.scene.Node part : java.util.List.of(line, pickLine, label)) {
                part.getProperties().put(DRAGGABLE, Boolean.TRUE);
            }
        }
        setLabelPosition(labelLeft ? 0.02 : draggable ? 0.85 : 0.97);
        setLabelHorizontalAnchor(labelLeft ? HPos.LEFT : HPos.RIGHT);
        line.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 1.2;"
                + (draggable ? "" : " -fx-stroke-dash-array: 6 4;"));
        label.setStyle("-fx-background-color: " + color + "; -fx-text-fill: white; -fx-font-size: 10;"
                + " -fx-padding: 0 3 0 3;");
    }

    @Override
    public Label label() {
        return label;
    }

    /** Called with the new price when the user lets go of a dragged line. */
    void onDropped(java.util.function.DoubleConsumer dropped) {
        for (javafx.scene.Node part : java.util.List.of(line, pickLine, label)) {
            part.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, event -> dropped.accept(getValue()));
        }
    }
}
