package dev.tapewatch.ui.chart;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import javafx.scene.control.Label;

/** A shaded time band across a chart (a spike, a gap in the recording, a selection), not draggable. */
public final class Band extends XRangeIndicator implements Labelled {
    public enum Kind {
        VOLUME("rgba(255, 167, 38, 0.30)"), PRICE("rgba(171, 71, 188, 0.30)"), BOTH("rgba(239, 83, 80, 0.30)"),
        GAP("rgba(128, 128, 128, 0.35)"), SELECTION("rgba(66, 133, 244, 0.25)"),
        /** Seconds the provider has and the store lacks (an audit's "missing here"). */
        MISSING("rgba(229, 57, 53, 0.45)"),
        /** Pre-market and after-hours time, set apart from the regular session. */
        EXTENDED_HOURS("rgba(120, 144, 156, 0.12)");

        final String fill;

        Kind(String fill) {
            this.fill = fill;
        }
    }

    public final Kind kind;

    Band(Axis axis, double lowerSeconds, double upperSeconds, String text, Kind kind) {
        super(axis, lowerSeconds, upperSeconds, text);
        this.kind = kind;
        setEditable(false);
        rectangle.setStyle("-fx-fill: " + kind.fill + "; -fx-stroke: transparent;");
        rectangle.setMouseTransparent(true);
        label.setMouseTransparent(true);
        setLabelVerticalPosition(kind == Kind.EXTENDED_HOURS ? 0.97 : 0.05); // apart from the spike labels
    }

    @Override
    public Label label() {
        return label;
    }
}
