package dev.tapewatch.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so the command line never loads JavaFX classes. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(TapewatchApp.class, args);
    }
}
