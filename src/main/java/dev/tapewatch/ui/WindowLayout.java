package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/** Window size, position, split positions and selected symbol, kept in the settings file. */
final class WindowLayout {
    static final String DIVIDERS = "ui.dividers";
    private WindowLayout() {
    }

    /** Whether the split positions were saved (the window then opens with them). */
    static boolean dividersSaved(MainViewModel model) {
        return model.config().get(DIVIDERS).isPresent();
    }

    static void restore(AppConfig config, Stage stage, SplitPane split) {
        number(config, "ui.x").ifPresent(stage::setX);
        number(config, "ui.y").ifPresent(stage::setY);
        number(config, "ui.width").ifPresent(stage::setWidth);
        number(config, "ui.height").ifPresent(stage::setHeight);
        config.get(DIVIDERS).ifPresent(text -> {
            String[] parts = text.split(",");
            double[] positions = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                positions[i] = Double.parseDouble(parts[i]);
            }
            split.setDividerPositions(positions);
        });
    }

    static void save(AppConfig config, Stage stage, SplitPane split, MainViewModel model) {
        config.set("ui.x", Double.toString(stage.getX()));
        config.set("ui.y", Double.toString(stage.getY()));
        config.set("ui.width", Double.toString(stage.getWidth()));
        config.set("ui.height", Double.toString(stage.getHeight()));
        StringBuilder dividers = new StringBuilder();
        for (double position : split.getDividerPositions()) {
            dividers.append(dividers.length() == 0 ? "" : ",").append(position);
        }
        config.set(DIVIDERS, dividers.toString());
        config.set("ui.symbol", model.watchlist().selectedProperty().get());
    }

    private static java.util.OptionalDouble number(AppConfig config, String key) {
        return config.get(key).map(value -> {
            try {
                return java.util.OptionalDouble.of(Double.parseDouble(value));
            } catch (NumberFormatException e) {
                return java.util.OptionalDouble.empty();
            }
        }).orElse(java.util.OptionalDouble.empty());
    }
}
