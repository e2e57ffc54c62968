package dev.tapewatch.ui.study;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.TestBars;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.study.StudyTape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Study view in a real scene: a chart per kind, the spikes below, a click adds that spike's path. */
@ExtendWith(ApplicationExtension.class)
class StudyViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private BarStore store;
    private StudyViewModel model;
    private StudyView view;

    @Start
    void start(Stage stage) throws Exception {
        Path db = StudyTape.seed(TempFolders.create("tapewatch-study"));
        store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING);
        model = new StudyViewModel(() -> store, Platform::runLater, TestBars.DAY);
        view = new StudyView(model);
        stage.setScene(new Scene(view, 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        store.close();
    }

    @Test
    void studyChartsEachKindAndAClickAddsThatSpike(FxRobot robot) {
        robot.clickOn("#studyButton");
        Await.until(WAIT, "the spikes listed", () -> view.table().getItems().size() == 3);
        robot.interact(() -> { });
        LineChart<?, ?> volume = robot.lookup("#studyChart-volume").queryAs(LineChart.class);
        assertEquals(3, volume.getData().size(), "median and the middle half's two bounds");
        assertEquals(3, robot.lookup(".chart").queryAll().size(), "one chart per kind");
        assertEquals(volume.getData().get(0).getData().size() + volume.getData().get(1).getData().size() + 2,
                ((BandChart) volume).bandPoints(), "the middle half shaded: both bounds, moved to and closed");
        robot.interact(() -> view.table().getSelectionModel().select(0)); // the volume spike
        LineChart<?, ?> redrawn = robot.lookup("#studyChart-volume").queryAs(LineChart.class);
        assertEquals(4, redrawn.getData().size(), "the clicked spike's own path");
        assertEquals("SPY 2024-01-02 09:31:00", redrawn.getData().get(3).getName());
    }
}
