package dev.tapewatch.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** The newest alert over the chart's top right corner for a few seconds; a click dismisses it. */
final class AlertToast {
    private AlertToast() {
    }

    static Label of(AlertsViewModel alerts) {
        Label toast = new Label();
        toast.setId("toast");
        toast.getStyleClass().add("alert-toast");
        toast.setWrapText(true);
        toast.setMaxWidth(360);
        StackPane.setAlignment(toast, Pos.TOP_RIGHT);
        toast.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> alerts.toastProperty().get() == null ? null : "⚠ " + alerts.toastProperty().get().text(),
                alerts.toastProperty()));
        toast.visibleProperty().bind(alerts.toastProperty().isNotNull());
        toast.setOnMouseClicked(event -> alerts.dismissToast());
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
