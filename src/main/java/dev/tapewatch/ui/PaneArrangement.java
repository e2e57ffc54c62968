package dev.tapewatch.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Watchlist | charts | spikes and alerts side by side in a wide window; in a narrower one the spikes and alerts sit
 * under the watchlist, so the charts keep most of the width (side by side, a 1024 px window left them 36 %). The
 * charts take what the window gains or loses; the side panes keep the width their columns need.
 */
final class PaneArrangement {
    /** Below this width the side panes share one column. */
    static final double STACKED_BELOW = 1500;

    private final SplitPane split;
    private final SplitPane column = new SplitPane();
    private final Region watchlist;
    private final Node charts;
    private final Region side;
    private Boolean stacked;

    /** {@code keepSaved}: the dividers were restored from the settings; the first arrangement keeps them. */
    PaneArrangement(SplitPane split, Region watchlist, Node charts, Region side, boolean keepSaved) {
        this.split = split;
        this.watchlist = watchlist;
        this.charts = charts;
        this.side = side;
        column.setOrientation(Orientation.VERTICAL);
        column.getStyleClass().add("side-column");
        SplitPane.setResizableWithParent(watchlist, false);
        SplitPane.setResizableWithParent(side, false);
        SplitPane.setResizableWithParent(column, false);
        split.getItems().setAll(watchlist, charts, side);
        boolean[] first = {keepSaved};
        split.widthProperty().addListener((o, was, width) -> {
            if (width.doubleValue() > 0) {
                arrange(width.doubleValue(), first[0]);
                first[0] = false;
            }
        });
    }

    /** Whether the side panes share one column now (FX thread). */
    boolean stacked() {
        return Boolean.TRUE.equals(stacked);
    }

    /**
     * The dividers at these widths from the left (and the last from the right), once the split pane has made its
     * dividers for the new items (set at once, they were reset): the side panes get what their columns need.
     */
    private void dividers(double left, double... right) {
        javafx.application.Platform.runLater(() -> {
            double width = split.getWidth();
            if (right.length == 0) {
                split.setDividerPositions(left / width);
            } else {
                split.setDividerPositions(left / width, 1 - right[0] / width);
            }
        });
    }

    private void arrange(double width, boolean keepDividers) {
        boolean narrow = width < STACKED_BELOW;
        if (stacked != null && stacked == narrow) {
            return;
        }
        boolean firstTime = stacked == null;
        stacked = narrow;
        if (narrow) {
            split.getItems().setAll(column, charts);
            column.getItems().setAll(watchlist, side);
            double columnWidth = Math.max(watchlist.getPrefWidth(), side.getPrefWidth());
            column.setMinWidth(Math.max(watchlist.getMinWidth(), side.getMinWidth()));
            column.setPrefWidth(columnWidth);
            column.setDividerPositions(0.5);
            if (!(firstTime && keepDividers)) {
                dividers(columnWidth);
            }
        } else {
            column.getItems().clear();
            split.getItems().setAll(watchlist, charts, side);
            if (!(firstTime && keepDividers)) {
                dividers(watchlist.getPrefWidth(), side.getPrefWidth());
            }
        }
    }
}
