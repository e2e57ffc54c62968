package dev.tapewatch.ui;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.Providers;
import dev.tapewatch.app.Relay;
import dev.tapewatch.app.SessionConfig;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.provider.SettingsForm;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.ui.common.InputProblem;
import dev.tapewatch.ui.common.Themes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** Provider, key, URL, database, detector and theme; OK saves and reconnects without a restart. */
final class SettingsDialog {
    /** A provider's own fields, in a row of their own (enabled while it is chosen). */
    private record OwnRow(String label, HBox fields) {
    }

    private SettingsDialog() {
    }

    static void show(Window owner, MainViewModel model) {
        AppConfig config = model.config();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        ChoiceBox<MarketProvider> provider = new ChoiceBox<>();
        provider.setId("providerChoice");
        provider.getItems().addAll(Providers.choosable());
        provider.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MarketProvider value) {
                return value == null ? "" : value.label();
            }

            @Override
            public MarketProvider fromString(String text) {
                return Providers.parse(text);
            }
        });
        provider.setValue(Providers.savedOrSimulator(config.get(SettingsInput.PROVIDER).orElse("")));
        // one key field for the chosen provider's key (Polygon's API key, a recorder's local key, Alpaca's key id),
        // kept per settings entry while the choice changes
        PasswordField key = new PasswordField();
        key.setId("apiKey");
        Map<String, String> keys = new HashMap<>();
        for (MarketProvider each : Providers.choosable()) {
            SettingsForm.Field field = each.form().key();
            if (field != null) {
                keys.put(field.entry(), config.get(field.entry()).orElse(""));
            }
        }
        showKey(key, keys, provider.getValue());
        provider.valueProperty().addListener((o, was, now) -> {
            keepKey(key, keys, was);
            showKey(key, keys, now);
        });
        Map<String, Supplier<String>> ownEntries = new LinkedHashMap<>();
        List<OwnRow> ownRows = new ArrayList<>();
        for (MarketProvider each : Providers.choosable()) {
            SettingsForm form = each.form();
            if (form.row().isEmpty()) {
                continue;
            }
            HBox fields = new HBox(8);
            for (SettingsForm.Field field : form.row()) {
                Control control = control(field, config, ownEntries);
                control.disableProperty().bind(provider.valueProperty().isNotEqualTo(each));
                fields.getChildren().add(control);
            }
            ownRows.add(new OwnRow(form.rowLabel(), fields));
        }
        CheckBox share = new CheckBox("Share the live stream on 127.0.0.1, port");
        share.setId("share");
        share.setSelected(config.get(SessionConfig.SHARE_PORT).isPresent());
        TextField sharePort = new TextField(config.get(SessionConfig.SHARE_PORT).orElse("8765"));
        sharePort.setId("sharePort");
        sharePort.setPrefColumnCount(6);
        sharePort.disableProperty().bind(share.selectedProperty().not());
        Button copyKey = new Button("Copy local key");
        copyKey.setId("copyLocalKey");
        copyKey.disableProperty().bind(share.selectedProperty().not());
        copyKey.setOnAction(event -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(localKey(config));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        TextField url = new TextField(config.get(SettingsInput.URL).orElse(""));
        url.setPromptText("default for the provider");
        TextField database = new TextField(config.get(AppConfig.DATABASE).orElse(""));
        database.setId("database");
        database.setPromptText("file, or jdbc:postgresql://HOST:PORT/DB?user=USER");
        PasswordField databasePassword = new PasswordField();
        databasePassword.setId("databasePassword");
        databasePassword.setText(config.get(AppConfig.DATABASE_PASSWORD).orElse(""));
        databasePassword.setPromptText("PostgreSQL password (else PGPASSWORD or ~/.pgpass)");
        DetectorSettings detector = model.detectorSettings();
        TextField window = field(detector.windowSeconds());
        window.setId("detectorWindow");
        url.setId("feedUrl");
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

        GridPane grid = form();
        int row = 0;
        grid.addRow(row++, new Label("Provider"), provider);
        grid.addRow(row++, new Label("API key"), key);
        for (OwnRow own : ownRows) {
            grid.addRow(row++, new Label(own.label()), own.fields());
        }
        grid.addRow(row++, new Label("Sharing"), new HBox(8, share, sharePort, copyKey));
        CheckBox wholeMarket = new CheckBox("Watch the whole market (movers of every symbol; charts keep the watchlist)");
        wholeMarket.setId("wholeMarket");
        wholeMarket.setSelected(config.get(SessionConfig.WHOLE_MARKET).map(Boolean::parseBoolean).orElse(false));
        grid.addRow(row++, new Label("Movers"), wholeMarket);
        grid.addRow(row++, new Label("URL"), url);
        grid.addRow(row++, new Label("Database"), database);
        grid.addRow(row++, new Label("Database password"), databasePassword);
        // the detector's short numbers two by two: one below the other, the dialog was taller than a 700 px screen
        GridPane thresholds = form();
        thresholds.addRow(0, new Label("Window (s)"), window, new Label("Volume z ≥"), volumeZ);
        thresholds.addRow(1, new Label("Min volume"), minVolume, new Label("Min × usual volume"), minMultiple);
        thresholds.addRow(2, new Label("Price z ≥"), priceZ, new Label("Min move"), minReturn);
        thresholds.addRow(3, new Label("Merge within (s)"), cooldown, new Label("Min score"), minScore);
        grid.addRow(row++, new Label("Detector"), thresholds);
        grid.addRow(row, new Label("Theme"), theme);
        javafx.beans.property.StringProperty refused = new javafx.beans.property.SimpleStringProperty();
        Label problem = InputProblem.label("settingsProblem", refused);
        problem.setMaxWidth(420);
        grid.add(problem, 0, row + 1, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getStyleClass().add("settings-dialog");
        dialog.getDialogPane().getStylesheets().add(Themes.stylesheet());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                DetectorSettings edited = detector(whole(window, "Window (s)"),
                        number(volumeZ, "Volume z"), number(minVolume, "Min volume"),
                        number(minMultiple, "Min × usual volume"), number(priceZ, "Price z"),
                        number(minReturn, "Min move"), whole(cooldown, "Merge within (s)"),
                        number(minScore, "Min score"));
                checkUrl(url.getText());
                provider.getValue().form().checkKey(key.getText(), System.getenv());
                String port = share.isSelected() ? port(sharePort) : null;
                keepKey(key, keys, provider.getValue());
                model.applySettings(() -> {
                    config.set(SettingsInput.PROVIDER, provider.getValue().id());
                    keys.forEach(config::set);
                    ownEntries.forEach((entry, value) -> config.set(entry, value.get()));
                    config.set(SessionConfig.SHARE_PORT, port);
                    if (port != null) {
                        localKey(config);
                    }
                    config.set(SettingsInput.URL, url.getText());
                    config.set(SessionConfig.WHOLE_MARKET, Boolean.toString(wholeMarket.isSelected()));
                    config.set(AppConfig.DATABASE, database.getText());
                    config.set(AppConfig.DATABASE_PASSWORD, databasePassword.getText());
                    DetectorConfig.write(config, edited);
                    Themes.apply(config, theme.getValue());
                });
            } catch (IllegalArgumentException e) {
                refused.set(e.getMessage());
                dialog.getDialogPane().getScene().getWindow().sizeToScene(); // keep OK and Cancel in view
                event.consume();
            }
        });
        dialog.show();
    }

    /** The chosen provider's key; a provider that needs none leaves the field empty and disabled. */
    private static void showKey(PasswordField field, Map<String, String> keys, MarketProvider provider) {
        SettingsForm.Field key = provider.form().key();
        field.setDisable(key == null);
        field.setText(key == null ? "" : keys.get(key.entry()));
        field.setPromptText(key == null ? "no key needed" : key.prompt());
    }

    private static void keepKey(PasswordField field, Map<String, String> keys, MarketProvider provider) {
        SettingsForm.Field key = provider.form().key();
        if (key != null) {
            keys.put(key.entry(), field.getText());
        }
    }

    /** A provider's own field as a control, its value saved under its entry on OK. */
    private static Control control(SettingsForm.Field field, AppConfig config, Map<String, Supplier<String>> entries) {
        if (!field.choices().isEmpty()) {
            ChoiceBox<String> choice = new ChoiceBox<>();
            choice.setId(field.id());
            choice.getItems().setAll(field.choices());
            choice.setValue(config.get(field.entry()).orElse(field.fallback()));
            entries.put(field.entry(), choice::getValue);
            return choice;
        }
        TextField text = field.secret() ? new PasswordField() : new TextField();
        text.setId(field.id());
        text.setText(config.get(field.entry()).orElse(""));
        text.setPromptText(field.prompt());
        entries.put(field.entry(), text::getText);
        return text;
    }

    /** The local key clients of the shared stream present: made (random) the first time, saved with the settings. */
    private static String localKey(AppConfig config) {
        return config.get(Relay.KEY).orElseGet(() -> {
            String made = Relay.newKey();
            config.set(Relay.KEY, made);
            return made;
        });
    }

    private static String port(TextField field) {
        String text = field.getText().trim();
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return Integer.toString(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(InputProblem.of("Sharing port", "'" + text + "' is not a port number",
                "Type one from 1 to 65535, e.g. 8765"));
    }

    /** A number typed in a field; the error names the field and what was typed. */
    private static double number(TextField field, String name) {
        String text = field.getText().trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(InputProblem.of(name, "'" + text + "' is not a number",
                    "Type one, e.g. 4 or 0.002"));
        }
    }

    private static int whole(TextField field, String name) {
        String text = field.getText().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(InputProblem.of(name, "'" + text + "' is not a whole number of seconds",
                    "Type one, e.g. 60"));
        }
    }

    private static final String USE_WEBSOCKET = "Use wss://host/path, or leave it empty for the provider's default";

    /** The detector's settings as typed; one out of its range is named as the fields are. */
    private static DetectorSettings detector(int window, double volumeZ, double minVolume, double minMultiple,
            double priceZ, double minReturn, int cooldown, double minScore) {
        try {
            return new DetectorSettings(window, volumeZ, minVolume, minMultiple, priceZ, minReturn, cooldown, minScore);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(InputProblem.of("Detector", e.getMessage(), "Change it and press OK"));
        }
    }

    /** An empty URL means the provider's default; anything else must be a websocket address. */
    private static void checkUrl(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(trimmed);
            boolean websocket = "ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
            if (!websocket || uri.getHost() == null) {
                throw new IllegalArgumentException(InputProblem.of("URL", "'" + trimmed + "' is not a websocket"
                        + " address", USE_WEBSOCKET));
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(InputProblem.of("URL", "'" + trimmed + "' is not a valid address ("
                    + e.getReason() + ")", USE_WEBSOCKET));
        }
    }

    private static TextField field(double value) {
        TextField field = new TextField(value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value));
        field.setPrefColumnCount(6);
        return field;
    }

    /** Labels beside their fields; a label column never narrower than its widest label ("Alpaca s…" was cut). */
    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        for (int column = 0; column < 4; column++) {
            javafx.scene.layout.ColumnConstraints constraints = new javafx.scene.layout.ColumnConstraints();
            constraints.setMinWidth(column % 2 == 0 ? javafx.scene.layout.Region.USE_PREF_SIZE
                    : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }
}
