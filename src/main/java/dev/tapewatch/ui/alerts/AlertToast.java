package dev.tapewatch.ui.alerts;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The newest alert for a few seconds, over the bottom right of the charts (above the time axis, left of the price
 * axis: never over a chart's readout at its top); a click shows the alert's second on the chart.
 */
public final class AlertToast {
    private AlertToast() {
    }

    public static Label of(AlertsViewModel alerts, java.util.function.Consumer<dev.tapewatch.alert.Alert> show) {
        Label toast = new Label();
        toast.setId("toast");
        toast.getStyleClass().add("alert-toast");
        toast.setWrapText(true);
        toast.setMaxWidth(360);
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        toast.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> alerts.toastProperty().get() == null ? null : "⚠ " + alerts.toastProperty().get().text(),
                alerts.toastProperty()));
        toast.visibleProperty().bind(alerts.toastProperty().isNotNull());
        toast.setOnMouseClicked(event -> {
            dev.tapewatch.alert.Alert shown = alerts.toastProperty().get();
            alerts.dismissToast();
            if (shown != null) {
                show.accept(shown);
            }
        });
        PauseTransition fade = new PauseTransition(Duration.seconds(6));
        fade.setOnFinished(event -> alerts.dismissToast());
        alerts.toastProperty().addListener((o, was, now) -> {
            if (now != null) {
                fade.playFromStart();
            }
        });
        return toast;
    }
}
