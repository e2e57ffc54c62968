package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.Version;
import java.io.IOException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop window: restores the last layout, starts the live session, saves the layout on exit. */
public final class TapewatchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TapewatchApp.class);

    private AppConfig config;
    private MainViewModel model;
    private MainView view;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.system();
        config = AppConfig.load(paths.configFile());
        Themes.apply(config, Themes.current(config));
        model = MainViewModel.forUser(config, paths, System.getenv());
        view = new MainView(model);
        WindowLayout.restore(config, stage, view.split());
        stage.setTitle("Tapewatch " + Version.current());
        Icons.apply(stage);
        stage.setScene(new Scene(view, stage.getWidth() > 0 ? stage.getWidth() : 1400,
                stage.getHeight() > 0 ? stage.getHeight() : 860));
        stage.setOnCloseRequest(event -> WindowLayout.save(config, stage, view.split(), model));
        stage.show();
        model.start();
    }

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
    }
}
