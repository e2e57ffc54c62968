package dev.tapewatch.ui.chart;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Work for the FX thread once the next layout pulse of a scene is done. */
final class NextLayout {
    private NextLayout() {
    }

    /**
     * Runs {@code action} once, soon after the next layout of {@code scene} (a pulse is asked for): by then the axes
     * map times to pixels anew, and chartfx has released the data sets it read-locks for the layout.
     */
    static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
