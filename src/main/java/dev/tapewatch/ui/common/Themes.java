package dev.tapewatch.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tapewatch.app.AppConfig;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Light and dark AtlantaFX themes, applied to the whole app and remembered in the settings. */
public final class Themes {
    public static final String KEY = "ui.theme";
    public static final List<String> NAMES = List.of("dark", "light");
    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(true);

    /**
     * Chart line colours for one theme, each chosen to stand out from that theme's background (the tests hold
     * them to a contrast ratio of at least 3:1, the WCAG minimum for graphics); the price pane's lines also stand
     * apart from each other.
     */
    public record Palette(String background, String close, String volumeAverage, String vwap, String fastMean,
                   String slowMean, String previousClose, String open, String high, String low, String alert) {
        public List<String> lines() {
            return List.of(close, volumeAverage, vwap, fastMean, slowMean, previousClose, open, high, low, alert);
        }
    }

    // Backgrounds are Primer's -color-bg-default of each theme.
    public static final Palette DARK_PALETTE = new Palette("#0d1117", "#4fc3f7", "#fdd835", "#ce93d8", "#ffffff",
            "#dce775", "#9e9e9e", "#64b5f6", "#66bb6a", "#ef5350", "#ffa726");
    public static final Palette LIGHT_PALETTE = new Palette("#ffffff", "#1565c0", "#e65100", "#6a1b9a", "#00695c",
            "#827717", "#616161", "#1976d2", "#2e7d32", "#c62828", "#bf360c");

    private Themes() {
    }

    /** The app's own stylesheet over the theme (chart colours, refused entries, popups): every window takes it. */
    public static String stylesheet() {
        return Themes.class.getResource("/dev/tapewatch/ui/tapewatch.css").toExternalForm();
    }

    public static String current(AppConfig config) {
        return config.get(KEY).filter(NAMES::contains).orElse("dark");
    }

    public static void apply(AppConfig config, String name) {
        config.set(KEY, name);
        boolean dark = !"light".equals(name);
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        DARK.set(dark);
    }

    /** Whether the dark theme is applied (FX thread; charts recolour when it changes). */
    public static ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    public static Palette palette() {
        return DARK.get() ? DARK_PALETTE : LIGHT_PALETTE;
    }
}
