package dev.tapewatch.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so the command line never loads JavaFX classes. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        useRenderingDefaults();
        Application.launch(TapewatchApp.class, args);
    }

    /**
     * Rendering settings read once when the toolkit starts, so set before it; a value the user gave wins. Prism's
     * cache of region backgrounds is off: in the software pipeline (no GPU, a VM, remote X) it doubled the live window's
     * frame interval p99 (README, "Live frames").
     */
    public static void useRenderingDefaults() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }
}
