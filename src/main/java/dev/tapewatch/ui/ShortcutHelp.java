package dev.tapewatch.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard shortcuts over the window (F1, or ? outside a text field; Esc, F1 or a click beside it closes it),
 * listed from the window's one table of shortcuts, group by group in two columns.
 */
final class ShortcutHelp extends StackPane {
    private final Button close = new Button("Close (Esc)");
    private Node focusedBefore;

    ShortcutHelp(List<Shortcuts.Shortcut> shortcuts) {
        setId("shortcutHelp");
        getStyleClass().add("shortcut-help");
        Map<String, List<Shortcuts.Shortcut>> groups = new LinkedHashMap<>();
        for (Shortcuts.Shortcut shortcut : shortcuts) {
            groups.computeIfAbsent(shortcut.group(), name -> new ArrayList<>()).add(shortcut);
        }
        // the groups in two columns, each group to the shorter one: the list fits a 1024 x 700 window
        GridPane left = column();
        GridPane right = column();
        for (Map.Entry<String, List<Shortcuts.Shortcut>> group : groups.entrySet()) {
            GridPane to = left.getRowCount() <= right.getRowCount() ? left : right;
            Label heading = new Label(group.getKey());
            heading.getStyleClass().add("shortcut-group");
            to.add(heading, 0, to.getRowCount(), 2, 1);
            for (Shortcuts.Shortcut shortcut : group.getValue()) {
                Label keys = new Label(shortcut.keysText());
                keys.getStyleClass().add("shortcut-keys");
                keys.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(shortcut.description());
                what.setMinWidth(Region.USE_PREF_SIZE);
                to.addRow(to.getRowCount(), keys, what);
            }
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-3");
        close.setOnAction(event -> close());
        HBox heading = new HBox(title, new Region(), close);
        HBox.setHgrow(heading.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label contextual = new Label("In the watchlist Delete removes the selected symbol; in the search field ↓ and"
                + " Enter pick a suggestion.");
        contextual.setWrapText(true);
        VBox card = new VBox(12, heading, new HBox(32, left, right), contextual);
        card.getStyleClass().add("shortcut-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        contextual.maxWidthProperty().bind(card.widthProperty().subtract(32));
        card.setOnMouseClicked(javafx.event.Event::consume);
        ScrollPane scroll = new ScrollPane(card); // a window smaller than the list scrolls it
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(scroll);
        setOnMouseClicked(event -> close());
        setVisible(false);
    }

    private static GridPane column() {
        GridPane column = new GridPane();
        column.setHgap(12);
        column.setVgap(3);
        return column;
    }

    boolean showing() {
        return isVisible();
    }

    /** Shows the list, or closes it when shown. */
    void toggle() {
        if (showing()) {
            close();
            return;
        }
        focusedBefore = getScene() == null ? null : getScene().getFocusOwner();
        setVisible(true);
        close.requestFocus();
    }

    void close() {
        setVisible(false);
        if (focusedBefore != null) {
            focusedBefore.requestFocus();
            focusedBefore = null;
        }
    }

    /** The keys listed, in the table's order (for tests). */
    List<String> listedKeys() {
        return lookupAll(".shortcut-keys").stream().map(node -> ((Label) node).getText()).toList();
    }
}
