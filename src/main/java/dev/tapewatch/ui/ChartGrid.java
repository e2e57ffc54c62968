package dev.tapewatch.ui;

import dev.tapewatch.ui.chart.ChartLayout;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * One, two (side by side) or four (two by two) charts, as the layout says; only charts on screen are fed. Their
 * time is linked: zooming or panning one moves the others to the same range, and the hovered time shows as a
 * line on each.
 */
final class ChartGrid extends GridPane {
    private static final javafx.css.PseudoClass KEYED = javafx.css.PseudoClass.getPseudoClass("keyed");
    private final List<ChartPane> panes = new ArrayList<>();
    private final ChartLayout layout;
    private int shown;
    /** The chart the chart keys act on (Alt+1 to Alt+4, or the last one pressed). */
    private int keyed;

    ChartGrid(MainViewModel model) {
        this.layout = model.layout();
        setHgap(4);
        setVgap(4);
        setMinSize(0, 0); // the grid takes the area it is given; its charts share it by percent

        for (int i = 0; i < ChartLayout.MOST; i++) {
            ChartPane pane = new ChartPane(model, i);
            pane.onUserMove(() -> linkFrom(pane));
            pane.chart().setOnHover(seconds -> panes.stream().filter(other -> other != pane)
                    .forEach(other -> other.chart().showTimeCursor(seconds)));
            panes.add(pane);
            int index = i;
            pane.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, event -> keyTo(index));
        }
        arrange(layout.countProperty().get());
        layout.countProperty().addListener((o, was, now) -> arrange(now.intValue()));
    }

    private void arrange(int count) {
        shown = count;
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int columns = count == 1 ? 1 : 2;
        int rows = count == 4 ? 2 : 1;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
        keyTo(Math.min(keyed, count - 1));
        for (int i = 0; i < panes.size(); i++) {
            boolean on = i < count;
            panes.get(i).model().active(on);
            if (on) {
                add(panes.get(i), i % columns, i / columns);
            }
        }
    }

    /** The chart keys act on chart {@code index} (of those shown), marked while there is more than one. */
    void keyTo(int index) {
        if (index < shown) {
            keyed = index;
        }
        for (int i = 0; i < panes.size(); i++) {
            panes.get(i).pseudoClassStateChanged(KEYED, shown > 1 && i == keyed);
        }
    }

    /** The chart the chart keys act on. */
    ChartPane keyed() {
        return panes.get(Math.min(keyed, shown - 1));
    }

    private void linkFrom(ChartPane moved) {
        long from = moved.chart().visibleFrom();
        long to = moved.chart().visibleTo();
        for (int i = 0; i < shown; i++) {
            if (panes.get(i) != moved) {
                panes.get(i).linkTo(from, to);
            }
        }
    }

    void refresh() {
        panes.forEach(ChartPane::refresh);
    }

    ChartPane pane(int index) {
        return panes.get(index);
    }
}
