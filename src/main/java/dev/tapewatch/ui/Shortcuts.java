package dev.tapewatch.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The main window's keyboard shortcuts, in one table: {@link #install} registers exactly these with the scene and
 * the help overlay lists exactly these, so the list cannot drift from the keys.
 */
final class Shortcuts {
    /**
     * One shortcut: a key combination (a scene accelerator), or a typed character that acts only while no text field
     * has the focus ("?" must stay typeable in the search field), with the group and words the help lists it under.
     */
    record Shortcut(KeyCombination keys, String typed, String group, String description, Runnable action) {
        /** The keys as the help shows them ("Ctrl+E", "Alt+Left", "?"). */
        String keysText() {
            return keys == null ? typed : keys.getDisplayText();
        }
    }

    private final List<Shortcut> all = new ArrayList<>();

    Shortcuts add(KeyCombination keys, String group, String description, Runnable action) {
        all.add(new Shortcut(keys, null, group, description, action));
        return this;
    }

    Shortcuts typed(String character, String group, String description, Runnable action) {
        all.add(new Shortcut(null, character, group, description, action));
        return this;
    }

    List<Shortcut> all() {
        return List.copyOf(all);
    }

    /** Registers every shortcut of the table with the scene, and nothing else. */
    void install(Scene scene) {
        for (Shortcut shortcut : all) {
            if (shortcut.keys() != null) {
                scene.getAccelerators().put(shortcut.keys(), shortcut.action());
            }
        }
        scene.addEventHandler(KeyEvent.KEY_TYPED, event -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            for (Shortcut shortcut : all) {
                if (shortcut.typed() != null && shortcut.typed().equals(event.getCharacter())) {
                    shortcut.action().run();
                    event.consume();
                    return;
                }
            }
        });
    }
}
