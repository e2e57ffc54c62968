package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.FaultyDiskFilePath;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window while the disk is full: a red banner says bars are not being stored, and goes once they are. */
@ExtendWith(ApplicationExtension.class)
class RecordingProblemViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = TempFolders.create("tapewatch-full");
        StoreLocation database = StoreLocation.parse(FaultyDiskFilePath.url(dir.resolve("db")));
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder().speed(20)
                .start(ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0))).build())
                .withBackfill(false);
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed, database, DetectorSettings.DEFAULT,
                List.of("SPY", "AAPL")));
        view = new MainView(model);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        FaultyDiskFilePath.setFull(false);
        robot.interact(view::dispose);
        model.close();
    }

    @Test
    void aFullDiskShowsARedNotRecordingBannerUntilBarsAreStoredAgain(FxRobot robot) throws Exception {
        model.start();
        Await.until(WAIT, "the live session", () -> model.sessionProperty().get() != null);
        LiveSession session = model.sessionProperty().get();
        Await.until(WAIT, "bars stored", () -> session.barsStored() > 0);
        Label banner = robot.lookup("#notRecording").queryAs(Label.class);
        assertTrue(!banner.isVisible());
        FaultyDiskFilePath.setFull(true);
        Await.until(WAIT, "the banner", () -> banner.isVisible() && banner.getText() != null);
        assertTrue(banner.getText().startsWith("Not recording: "), banner.getText());
        assertTrue(banner.getText().contains("the disk is full"), banner.getText());
        assertTrue(banner.getText().contains("faultydisk:"), "names where: " + banner.getText());
        long storedWhileFull = session.barsStored();
        FaultyDiskFilePath.setFull(false);
        Await.until(WAIT, "the banner to go", () -> !banner.isVisible());
        Await.until(WAIT, "stored again", () -> session.barsStored() > storedWhileFull);
        model.close();
        assertEquals(0, session.barsUnstored());
        assertEquals(0, session.barsPending());
    }
}
