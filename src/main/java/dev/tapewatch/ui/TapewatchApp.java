package dev.tapewatch.ui;

import dev.tapewatch.app.Version;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop window. */
public final class TapewatchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Tapewatch " + Version.current());
        stage.setScene(new Scene(new StackPane(new Label("Tapewatch")), 1200, 800));
        stage.show();
    }
}
