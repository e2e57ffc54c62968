package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.common.Themes;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** What a window test sets up and takes down: a quiet settings file, the window shown, then closed. */
final class TestWindows {
    private TestWindows() {
    }

    /** The dark theme, and no tones or desktop notifications from a test run. */
    static void quiet(AppConfig config) {
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
    }

    /** At 1280x800: the shared stage keeps the size an earlier test gave it otherwise. */
    static void show(Stage stage, MainView view) {
        stage.setScene(new Scene(view, 1280, 800));
        stage.sizeToScene();
        stage.show();
    }

    static void close(FxRobot robot, MainView view, MainViewModel model) throws InterruptedException {
        robot.interact(view::dispose);
        model.close();
    }
}
