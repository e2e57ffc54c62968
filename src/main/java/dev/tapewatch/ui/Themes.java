package dev.tapewatch.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tapewatch.app.AppConfig;
import java.util.List;
import javafx.application.Application;

/** Light and dark AtlantaFX themes, applied to the whole app and remembered in the settings. */
public final class Themes {
    static final String KEY = "ui.theme";
    static final List<String> NAMES = List.of("dark", "light");

    private Themes() {
    }

    static String current(AppConfig config) {
        return config.get(KEY).filter(NAMES::contains).orElse("dark");
    }

    public static void apply(AppConfig config, String name) {
        config.set(KEY, name);
        Application.setUserAgentStylesheet("light".equals(name) ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }
}
