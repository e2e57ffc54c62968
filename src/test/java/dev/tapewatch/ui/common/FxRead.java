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
}
