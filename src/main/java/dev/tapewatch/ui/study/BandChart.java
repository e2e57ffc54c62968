package dev.tapewatch.ui.study;

import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/** A line chart that fills the area between its first two series (upper and lower bound) as a band. */
final class BandChart extends LineChart<Number, Number> {
    private final Path band = new Path();

    BandChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        band.getStyleClass().add("study-band");
        band.setStyle("-fx-fill: rgba(42, 111, 219, 0.18); -fx-stroke: transparent;");
        band.setManaged(false);
        getPlotChildren().add(band);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        band.getElements().clear();
        if (getData().size() < 2) {
            return;
        }
        List<Data<Number, Number>> upper = getData().get(0).getData();
        List<Data<Number, Number>> lower = getData().get(1).getData();
        if (upper.isEmpty() || lower.isEmpty()) {
            return;
        }
        List<PathElement> elements = band.getElements();
        elements.add(new MoveTo(x(upper.get(0)), y(upper.get(0))));
        for (Data<Number, Number> point : upper) {
            elements.add(new LineTo(x(point), y(point)));
        }
        for (int i = lower.size() - 1; i >= 0; i--) {
            elements.add(new LineTo(x(lower.get(i)), y(lower.get(i))));
        }
        elements.add(new ClosePath());
        band.toBack();
    }

    /** The band's outline points (0: no band drawn). */
    int bandPoints() {
        return band.getElements().size();
    }

    private double x(Data<Number, Number> point) {
        return getXAxis().getDisplayPosition(point.getXValue());
    }

    private double y(Data<Number, Number> point) {
        return getYAxis().getDisplayPosition(point.getYValue());
    }
}
