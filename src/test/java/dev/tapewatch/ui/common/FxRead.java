package dev.tapewatch.ui.common;

import java.util.function.Supplier;
import org.testfx.api.FxRobot;

/** Reads a value on the FX thread, where the view changes: never two moving values at two moments. */
public final class FxRead {
    private FxRead() {
    }

    public static <T> T on(FxRobot robot, Supplier<T> read) {
        Object[] value = new Object[1];
        robot.interact(() -> value[0] = read.get());
        @SuppressWarnings("unchecked")
        T result = (T) value[0];
        return result;
    }

    /**
     * A node's centre on screen, read on the FX thread. Given a node, TestFX reads its bounds on the test's thread
     * while a live chart changes, and threw from inside the scene graph once (IndexOutOfBoundsException).
     */
    public static javafx.geometry.Point2D centre(FxRobot robot, javafx.scene.Node node) {
        return on(robot, () -> {
            javafx.geometry.Bounds bounds = node.localToScreen(node.getLayoutBounds());
            return new javafx.geometry.Point2D(bounds.getCenterX(), bounds.getCenterY());
        });
    }
}
