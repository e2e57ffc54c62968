package dev.tapewatch.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * How the window refuses an entry, everywhere it checks one: named by its field, what is wrong, then what to do
 * ("Window (s): 'abc' is not a whole number of seconds. Type one, e.g. 60."), said under or beside the field in the
 * theme's danger colour (style class {@value #STYLE}), and shown only while there is one.
 */
public final class InputProblem {
    public static final String STYLE = "input-problem";

    private InputProblem() {
    }

    /** "Field: what is wrong. What to do." (each part without its closing full stop). */
    public static String of(String field, String wrong, String whatToDo) {
        return field + ": " + sentence(wrong) + " " + sentence(whatToDo);
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    /** The label that says it: wrapped, in the danger colour, taking no room while {@code text} is empty or null. */
    public static Label label(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(STYLE);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
