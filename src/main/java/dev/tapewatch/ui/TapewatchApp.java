package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.StopSignals;
import dev.tapewatch.app.Version;
import dev.tapewatch.ui.common.Themes;
import java.io.IOException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop window: restores the last layout, starts the live session, and stops the same way whether the
 * window is closed or the process gets SIGTERM/SIGINT (logout, a service manager, Ctrl-C): layout and
 * settings saved, every received bar stored, then exit 0.
 */
public final class TapewatchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TapewatchApp.class);

    private AppConfig config;
    private MainViewModel model;
    private MainView view;
    private StopSignals signals;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.system();
        config = AppConfig.load(paths.configFile());
        Themes.apply(config, Themes.current(config));
        model = MainViewModel.forUser(config, paths, System.getenv());
        // the session (database, feed, the day's history) starts in the background while the window is built: on a
        // first launch each took seconds, one after the other
        model.start();
        view = new MainView(model);
        WindowLayout.restore(config, stage, view.split());
        stage.setTitle("Tapewatch " + Version.current());
        Icons.apply(stage);
        stage.setScene(new Scene(view, stage.getWidth() > 0 ? stage.getWidth() : 1400,
                stage.getHeight() > 0 ? stage.getHeight() : 860));
        stage.setOnCloseRequest(event -> WindowLayout.save(config, stage, view.split(), model));
        signals = StopSignals.install(() -> Platform.runLater(() -> {
            WindowLayout.save(config, stage, view.split(), model);
            Platform.exit();
        }), () -> {
            LOG.error("Stopping at once on a second signal; bars not yet stored are lost");
            Runtime.getRuntime().halt(1);
        });
        stage.show();
    }

    /** After the last window closed or a stop signal: the window is gone, so waiting here for the store is fine. */
    @Override
    public void stop() {
        view.dispose();
        try {
            config.save();
        } catch (IOException e) {
            LOG.warn("Could not save the settings to {}: {}", config.file(), e.getMessage());
        }
        try {
            model.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signals.close();
    }
}
