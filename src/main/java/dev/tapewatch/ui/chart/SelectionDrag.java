package dev.tapewatch.ui.chart;

import java.util.function.BiConsumer;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Shift-drag across the price pane selects a time range: shaded as it grows, handed on as [from, to) in epoch ms
 * when the button is let go. Its events are filtered before anything on the plot sees them, so the drag neither
 * zooms nor moves an alert line.
 */
final class SelectionDrag extends PlotPlugin {
    private BiConsumer<Long, Long> onSelect = (from, to) -> { };
    private Double start;

    /** {@code shade} draws the growing selection. */
    SelectionDrag(BiConsumer<Long, Long> shade) {
        onPlot(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.isShiftDown() && event.getButton() == MouseButton.PRIMARY) {
                start = timeAt(event);
                event.consume();
            }
        }, true);
        onPlot(MouseEvent.MOUSE_DRAGGED, event -> {
            if (start != null) {
                range(event, shade);
                event.consume();
            }
        }, true);
        onPlot(MouseEvent.MOUSE_RELEASED, event -> {
            if (start != null) {
                range(event, onSelect);
                start = null;
                event.consume();
            }
        }, true);
    }

    void setOnSelect(BiConsumer<Long, Long> listener) {
        onSelect = listener;
    }

    private void range(MouseEvent event, BiConsumer<Long, Long> target) {
        double now = timeAt(event);
        target.accept((long) (Math.min(start, now) * 1000), (long) (Math.max(start, now) * 1000));
    }
}
