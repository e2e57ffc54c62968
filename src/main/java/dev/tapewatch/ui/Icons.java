package dev.tapewatch.ui;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app's icon at every bundled size, as stage icons. */
public final class Icons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {
    }

    public static void apply(Stage stage) {
        for (int size : SIZES) {
            InputStream in = Icons.class.getResourceAsStream("/icons/tapewatch-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }
}
