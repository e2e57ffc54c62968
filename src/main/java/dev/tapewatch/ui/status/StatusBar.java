package dev.tapewatch.ui.status;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.ui.common.BackgroundTasks;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.history.ReplayViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar (feed, provider, rates, selection, database) and the banners above the chart. Binds only. */
public final class StatusBar extends javafx.scene.layout.VBox {

    public StatusBar(StatusViewModel status, HistoryViewModel history, ReplayViewModel replay, BackgroundTasks tasks) {
        Label database = new Label();
        database.setId("database");
        FeedRow row = new FeedRow(database, status.databaseProperty());
        Label state = new Label();
        state.setId("feedState");
        state.textProperty().bind(Bindings.concat("Feed: ", status.feedStateProperty()));
        Label provider = new Label();
        provider.setId("provider");
        provider.textProperty().bind(status.providerProperty());
        provider.setStyle("-fx-background-color: -color-accent-subtle; -fx-padding: 1 6 1 6;"
                + " -fx-background-radius: 8;");
        Label rates = new Label();
        rates.setId("rates");
        rates.textProperty().bind(status.ratesProperty());
        Label selection = new Label();
        selection.setId("selectionInfo");
        selection.setWrapText(true); // a narrow window wraps its figures rather than cut them
        selection.textProperty().bind(Bindings.createStringBinding(() -> describe(history.selectionProperty().get()),
                history.selectionProperty()));
        Label sharing = new Label();
        sharing.setId("sharing");
        sharing.textProperty().bind(status.sharingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label replayState = new Label(); // in the status bar: the toolbar has no room for "Replay of …, paused at …"
        replayState.setId("replayState");
        replayState.textProperty().bind(replay.stateProperty());
        replayState.managedProperty().bind(replay.activeProperty());
        // the background job (a day loading, an export, an audit) with its progress and Cancel
        javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
        progress.setId("taskProgress");
        progress.progressProperty().bind(tasks.progressProperty());
        Label task = new Label();
        task.textProperty().bind(tasks.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> tasks.cancel());
        for (javafx.scene.Node busy : List.of(progress, task, cancel)) {
            busy.visibleProperty().bind(tasks.busyProperty());
            busy.managedProperty().bind(tasks.busyProperty());
        }
        // no label is cut: the database's path gives way to its last part where the row is short (whole in its tooltip)
        for (Label whole : List.of(state, provider, replayState, rates, task, sharing, database)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.control.Tooltip path = new javafx.scene.control.Tooltip();
        path.textProperty().bind(Bindings.concat("DB: ", status.databaseProperty()));
        database.setTooltip(path);
        row.getChildren().addAll(state, provider, replayState, rates, spacer, progress, task, cancel, sharing, database);
        row.setAlignment(Pos.CENTER_LEFT);
        // a selection's figures get a line of their own: beside the feed's they were cut in a small window
        selection.visibleProperty().bind(selection.textProperty().isNotEmpty());
        selection.managedProperty().bind(selection.visibleProperty());
        getChildren().addAll(selection, row);
        setSpacing(2);
        setPadding(new Insets(4, 10, 4, 10));
        getStyleClass().add("status-bar");
    }

    /**
     * The feed's row: before each layout the database's label takes its whole path where it fits beside the rest at
     * their preferred widths, else the path's last part (an H2 file's name), so no label of the row is ever cut. The
     * row asks for no more than room for the last part: asking for the whole path it was shown (its label's width,
     * as no label may be cut) kept a window made narrower as wide as before, cut at its right edge.
     */
    static final class FeedRow extends HBox {
        private final Label database;
        private final javafx.beans.value.ObservableStringValue path;

        FeedRow(Label database, javafx.beans.value.ObservableStringValue path) {
            super(14);
            this.database = database;
            this.path = path;
        }

        @Override
        protected double computeMinWidth(double height) {
            return super.computeMinWidth(height) - database.minWidth(height) + labelWidth("DB: " + lastPart(whole()));
        }

        @Override
        protected void layoutChildren() {
            double others = getInsets().getLeft() + getInsets().getRight();
            int shown = 0;
            for (javafx.scene.Node child : getChildren()) {
                if (child.isManaged()) {
                    shown++;
                    others += child == database ? 0 : child.prefWidth(-1);
                }
            }
            double room = getWidth() - others - getSpacing() * Math.max(0, shown - 1);
            String full = "DB: " + whole();
            database.setText(labelWidth(full) <= room ? full : "DB: " + lastPart(whole()));
            super.layoutChildren();
        }

        private String whole() {
            return path.get() == null ? "" : path.get();
        }

        /** The database label's width showing {@code text}. */
        private double labelWidth(String text) {
            javafx.scene.text.Text measured = new javafx.scene.text.Text(text);
            measured.setFont(database.getFont());
            return measured.getLayoutBounds().getWidth() + database.snappedLeftInset() + database.snappedRightInset();
        }
    }

    /** A database's last part: an H2 file's name, a PostgreSQL database's name. */
    static String lastPart(String database) {
        String trimmed = database.endsWith("/") ? database.substring(0, database.length() - 1) : database;
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(java.io.File.separatorChar)) + 1);
    }

    /** "Selection 10:00:00–10:05:00 · 300 bars · 1.2M shares · +0.42% · H 471.20 L 469.80 · VWAP 470.51". */
    static String describe(HistoryViewModel.Selection current) {
        if (current == null) {
            return "";
        }
        String span = String.format(Locale.ROOT, "Selection %s–%s · %,d bars", ChartFormat.CLOCK.format(ExchangeTime.localDateTime(
                current.from())), ChartFormat.CLOCK.format(ExchangeTime.localDateTime(current.to())), current.bars());
        if (current.bars() == 0) {
            return span;
        }
        return span + String.format(Locale.ROOT, " · %s shares · %+.2f%% · H %s L %s · VWAP %s",
                ChartFormat.compactShares(current.volume()), current.changePercent(),
                ChartFormat.price(current.high()), ChartFormat.price(current.low()),
                ChartFormat.price(current.vwap()));
    }

    /** Green, for a moment: what the user asked for is done (an export, with where it went). */
    public static HBox noticeBanner(StatusViewModel status) {
        Label message = new Label();
        message.setId("notice");
        message.textProperty().bind(status.noticeProperty());
        message.setWrapText(true);
        HBox banner = banner(message, "-color-success-subtle", status::dismissNotice);
        javafx.animation.PauseTransition fade = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(12));
        fade.setOnFinished(event -> status.dismissNotice());
        status.noticeProperty().addListener((o, was, now) -> {
            if (now != null) {
                fade.playFromStart();
            }
        });
        return banner;
    }

    /** Red and always in view while received bars cannot be stored: the recording is not what it seems. */
    public static Label notRecordingBanner(StatusViewModel status) {
        Label banner = new Label();
        banner.setId("notRecording");
        banner.textProperty().bind(status.notRecordingProperty());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis;"
                + " -fx-font-weight: bold;");
        banner.visibleProperty().bind(status.notRecordingProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** The last error, with its details one click away. */
    public static HBox errorBanner(StatusViewModel status) {
        Label message = new Label();
        message.setId("errorMessage");
        message.textProperty().bind(status.errorProperty());
        message.setWrapText(true);
        Button details = new Button("Details");
        details.setOnAction(event -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, status.errorProperty().get());
            TextArea text = new TextArea(status.errorDetailProperty().get());
            text.setEditable(false);
            alert.getDialogPane().setExpandableContent(text);
            alert.initOwner(details.getScene().getWindow());
            alert.show();
        });
        HBox banner = banner(message, "-color-danger-subtle", status::dismissError, details);
        banner.getStyleClass().add("error-banner");
        return banner;
    }

    /** A message across the window with its buttons and ✕, shown only while it has text. */
    private static HBox banner(Label message, String background, Runnable dismiss, Button... buttons) {
        Button close = new Button("✕");
        close.setOnAction(event -> dismiss.run());
        HBox banner = new HBox(8, message);
        banner.getChildren().addAll(buttons);
        banner.getChildren().add(close);
        HBox.setHgrow(message, Priority.ALWAYS);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.setStyle("-fx-background-color: " + background + ";");
        banner.visibleProperty().bind(message.textProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
