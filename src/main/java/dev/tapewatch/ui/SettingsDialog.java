package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.Provider;
import dev.tapewatch.detect.DetectorSettings;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Provider, key, URL, database, detector and theme; OK saves and reconnects without a restart. */
final class SettingsDialog {
    private SettingsDialog() {
    }

    static void show(Window owner, MainViewModel model) {
        AppConfig config = model.config();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        ChoiceBox<String> provider = new ChoiceBox<>();
        for (Provider p : Provider.values()) {
            provider.getItems().add(p.id());
        }
        provider.setValue(config.get(AppConfig.PROVIDER).orElse(Provider.SIMULATOR.id()));
        PasswordField key = new PasswordField();
        key.setId("apiKey");
        key.setText(config.get(AppConfig.POLYGON_KEY).orElse(""));
        key.setPromptText("Polygon API key (kept in the settings file, owner-only)");
        TextField url = new TextField(config.get(AppConfig.URL).orElse(""));
        url.setPromptText("default for the provider");
        TextField database = new TextField(config.get(AppConfig.DATABASE).orElse(""));
        database.setPromptText("default in the data folder");
        DetectorSettings detector = model.detectorSettings();
        TextField window = field(detector.windowSeconds());
        TextField volumeZ = field(detector.volumeThreshold());
        TextField minVolume = field(detector.minVolume());
        TextField minMultiple = field(detector.minMultiple());
        TextField priceZ = field(detector.priceThreshold());
        TextField minReturn = field(detector.minReturn());
        TextField cooldown = field(detector.cooldownSeconds());
        TextField minScore = field(detector.minScore());
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.getItems().addAll(Themes.NAMES);
        theme.setValue(Themes.current(config));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("Provider"), provider);
        grid.addRow(row++, new Label("API key"), key);
        grid.addRow(row++, new Label("URL"), url);
        grid.addRow(row++, new Label("Database"), database);
        grid.addRow(row++, new Label("Window (s)"), window);
        grid.addRow(row++, new Label("Volume z ≥"), volumeZ);
        grid.addRow(row++, new Label("Min volume"), minVolume);
        grid.addRow(row++, new Label("Min × usual volume"), minMultiple);
        grid.addRow(row++, new Label("Price z ≥"), priceZ);
        grid.addRow(row++, new Label("Min move"), minReturn);
        grid.addRow(row++, new Label("Merge within (s)"), cooldown);
        grid.addRow(row++, new Label("Min score"), minScore);
        grid.addRow(row, new Label("Theme"), theme);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Label problem = new Label();
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                DetectorSettings edited = new DetectorSettings(Integer.parseInt(window.getText().trim()),
                        Double.parseDouble(volumeZ.getText().trim()), Double.parseDouble(minVolume.getText().trim()),
                        Double.parseDouble(minMultiple.getText().trim()), Double.parseDouble(priceZ.getText().trim()),
                        Double.parseDouble(minReturn.getText().trim()), Integer.parseInt(cooldown.getText().trim()),
                        Double.parseDouble(minScore.getText().trim()));
                model.applySettings(() -> {
                    config.set(AppConfig.PROVIDER, provider.getValue());
                    config.set(AppConfig.POLYGON_KEY, key.getText());
                    config.set(AppConfig.URL, url.getText());
                    config.set(AppConfig.DATABASE, database.getText());
                    DetectorConfig.write(config, edited);
                    Themes.apply(config, theme.getValue());
                });
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                grid.add(problem, 0, 14, 2, 1);
                event.consume();
            }
        });
        dialog.show();
    }

    private static TextField field(double value) {
        return new TextField(value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value));
    }
}
