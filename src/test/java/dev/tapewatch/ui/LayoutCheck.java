package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.ui.common.FxRead;

import dev.tapewatch.ui.common.Themes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import org.junit.jupiter.params.provider.Arguments;
import org.testfx.api.FxRobot;

/**
 * #27's measure of a laid-out scene: every shown control inside the window (cells of a list are clipped by it) and
 * every label's text drawn whole (not elided, and as wide as it needs), as {@code MainViewTest} measures the columns.
 */
final class LayoutCheck {
    private LayoutCheck() {
    }

    /** The window sizes #27 holds the layout to, each in both themes: (width, height, theme). */
    static Stream<Arguments> windows() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : new int[][] {{1024, 700}, {1600, 1000}, {1920, 1080}}) {
            for (String theme : Themes.NAMES) {
                all.add(Arguments.of(size[0], size[1], theme));
            }
        }
        return all.stream();
    }

    /**
     * Waits for {@code problemsNow} (read on the FX thread) to find nothing: a layout settles over a few pulses (the
     * readout, the tables). Fails with what it found last.
     */
    static void settles(FxRobot robot, java.time.Duration wait, String where, Supplier<List<String>> problemsNow) {
        List<String> problems = new ArrayList<>();
        try {
            Await.until(wait, "nothing out of the window or cut at " + where, () -> {
                problems.clear();
                problems.addAll(FxRead.on(robot, problemsNow));
                return problems.isEmpty();
            });
        } catch (AssertionError timedOut) {
            assertEquals(List.of(), problems, where);
        }
    }

    /** What is out of a {@code width} × {@code height} window or cut under {@code root}; empty when nothing is. */
    static List<String> problems(Node root, double width, double height) {
        List<String> problems = new ArrayList<>();
        check(root, width, height, false, problems);
        return problems;
    }

    private static void check(Node node, double width, double height, boolean inList, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && !inList) {
            Bounds bounds = control.localToScene(control.getLayoutBounds());
            if (bounds.getMinX() < -1 || bounds.getMinY() < -1 || bounds.getMaxX() > width + 1
                    || bounds.getMaxY() > height + 1) {
                problems.add(name(control) + " leaves the window: " + bounds);
            }
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            Node drawn = labeled.lookup(".text");
            if (drawn instanceof Text text && !labeled.getText().equals(text.getText())) {
                problems.add("'" + labeled.getText() + "' is drawn as '" + text.getText() + "'");
            } else if (!labeled.isWrapText() && labeled.getWidth() < labeled.prefWidth(-1) - 0.5) {
                problems.add("'" + labeled.getText() + "' is " + labeled.getWidth() + " px wide of the "
                        + labeled.prefWidth(-1) + " it needs");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                check(child, width, height, inList || node instanceof VirtualFlow<?>, problems);
            }
        }
    }

    private static String name(Control control) {
        String text = control instanceof Labeled labeled ? " '" + labeled.getText() + "'" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : "#" + control.getId()) + text;
    }
}
