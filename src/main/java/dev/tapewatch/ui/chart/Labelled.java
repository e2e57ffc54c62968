package dev.tapewatch.ui.chart;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** A mark with a label on the price pane (a band, a level line), which {@link LabelLayout} keeps apart. */
interface Labelled {
    Label label();

    /** What the mark draws now (chartfx's plugin children): its label is among them while it is in view. */
    ObservableList<Node> getChartChildren();
}
