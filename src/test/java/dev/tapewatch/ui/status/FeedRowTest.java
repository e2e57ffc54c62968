package dev.tapewatch.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.ui.common.FxRead;
import java.time.Duration;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status bar's feed row in a window made narrower: the database's whole path, shown while it fitted, gives way
 * to its file's name, and the row stays inside the window. It stayed as wide as before, its whole path kept, and the
 * window's right part was cut ({@code WindowFitTest} failed so when the test's temporary path was short enough to
 * fit at the window's first width).
 */
@ExtendWith(ApplicationExtension.class)
class FeedRowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PATH = "/home/trader/.local/share/tapewatch/simulated.mv.db";

    private Label feed;
    private Label database;
    private StatusBar.FeedRow row;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        feed = new Label("Streaming · Simulated market · 1,234 bars/s");
        database = new Label();
        feed.setMinWidth(Label.USE_PREF_SIZE);
        database.setMinWidth(Label.USE_PREF_SIZE);
        row = new StatusBar.FeedRow(database, new SimpleStringProperty(PATH));
        row.getChildren().addAll(feed, database);
        VBox root = new VBox(row);
        stage.setScene(new Scene(root, 1600, 100));
        stage.show();
    }

    @Test
    void theWholePathGivesWayToTheFileNameWhenTheWindowNarrows(FxRobot robot) {
        Await.until(WAIT, "the whole path shown", () -> FxRead.on(robot, () -> database.getText().equals("DB: " + PATH)));
        double fullWidth = FxRead.on(robot, () -> feed.prefWidth(-1) + row.getSpacing() + database.prefWidth(-1));
        double narrower = Math.floor(fullWidth - 40);
        robot.interact(() -> stage.setWidth(narrower));
        Await.until(WAIT, "the file's name shown in a window of " + narrower,
                () -> FxRead.on(robot, () -> database.getText().equals("DB: simulated.mv.db")));
        double[] widths = FxRead.on(robot, () -> new double[] {row.getScene().getWidth(), row.getWidth()});
        assertEquals(widths[0], widths[1], 0.5, "the row's width in the window"); // both read in one FX turn
        robot.interact(() -> stage.setWidth(1600));
        Await.until(WAIT, "the whole path shown again", () -> FxRead.on(robot,
                () -> database.getText().equals("DB: " + PATH)));
    }
}
