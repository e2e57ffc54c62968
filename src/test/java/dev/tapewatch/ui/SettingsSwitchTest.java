package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.SessionConfig;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.simulator.Simulator;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.history.HistoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Settings as a trader changes them (#27, defect 7): the window's settings file and its simulator, from 09:25 at
 * 20×, with no key anywhere (the environment is empty). Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsSwitchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.of(2024, 1, 3);

    private MainViewModel model;
    private MainView view;
    private AppConfig config;

    @Start
    void start(Stage stage) throws Exception {
        Path home = TempFolders.create("tapewatch-settings");
        AppPaths paths = new AppPaths(Map.of(), "Linux", home);
        config = AppConfig.load(paths.configFile());
        config.set(SettingsInput.PROVIDER, "simulator");
        config.set(Simulator.START, "2024-01-03T09:25");
        config.set(Simulator.SPEED, "20");
        config.set(SessionConfig.WATCHLIST, "SPY,AAPL,MSFT");
        TestWindows.quiet(config);
        model = MainViewModel.forUser(config, paths, Map.of());
        view = new MainView(model);
        TestWindows.show(stage, view);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        TestWindows.close(robot, view, model);
    }

    private void startSimulator(FxRobot robot) {
        model.start();
        Await.until(WAIT, "the simulator streaming", () -> FxRead.on(robot, () -> {
            LiveSession session = model.sessionProperty().get();
            return model.history().modeProperty().get() == HistoryViewModel.Mode.LIVE && session != null
                    && session.status().state() == FeedStatus.State.STREAMING;
        }));
    }

    private void choose(FxRobot robot, String provider) {
        robot.interact(() -> model.applySettings(() -> config.set(SettingsInput.PROVIDER, provider)));
    }

    private static String banner(FxRobot robot) {
        return FxRead.on(robot, () -> {
            Label message = robot.lookup("#errorMessage").queryAs(Label.class);
            return message.getParent().isVisible() ? message.getText() : null;
        });
    }

    /** Defect 7: Polygon with no key says where to fix it in the window, not which flags to pass. */
    @Test
    void polygonWithoutAKeySaysWhereToFixItInTheWindow(FxRobot robot) {
        startSimulator(robot);
        choose(robot, "polygon");
        Await.until(WAIT, "the error banner", () -> banner(robot) != null);
        String said = banner(robot);
        assertEquals("Could not start: No Polygon API key: paste yours in Settings (Ctrl+,) → API key, or set"
                + " POLYGON_API_KEY; without a key, choose Settings → Provider → Simulated market.", said);
        assertFalse(said.contains("--"), "no command-line flags in the window");
    }

    /** Defect 7: back on the simulator its day goes on where it was, the symbol stays selected, the banner goes. */
    @Test
    void backOnTheSimulatorItsDayGoesOnTheSymbolStaysAndTheBannerGoes(FxRobot robot) {
        startSimulator(robot);
        robot.interact(() -> model.watchlist().select("AAPL"));
        long nineTwentySix = ExchangeTime.toEpochMillis(DAY, LocalTime.of(9, 26));
        Await.until(WAIT, "the simulated day past 09:26", () -> FxRead.on(robot,
                () -> model.sessionProperty().get().marketClock().getAsLong()) > nineTwentySix);
        long left = FxRead.on(robot, () -> model.sessionProperty().get().marketClock().getAsLong());
        choose(robot, "polygon");
        Await.until(WAIT, "the error banner", () -> banner(robot) != null);

        choose(robot, "simulator");
        startedAgain(robot);
        long resumed = FxRead.on(robot, () -> model.sessionProperty().get().marketClock().getAsLong());
        assertTrue(resumed >= left, "the simulated day went on from " + ExchangeTime.localDateTime(left) + ", not "
                + ExchangeTime.localDateTime(resumed));
        assertEquals(DAY, ExchangeTime.dayOf(resumed), "the same simulated day");
        assertEquals("AAPL", FxRead.on(robot, () -> model.watchlist().selectedProperty().get()));
        Await.until(WAIT, "the banner gone once the feed streams", () -> banner(robot) == null,
                () -> banner(robot));
    }

    private void startedAgain(FxRobot robot) {
        Await.until(WAIT, "the simulator streaming again", () -> FxRead.on(robot, () -> {
            LiveSession session = model.sessionProperty().get();
            return session != null && session.provider().simulated()
                    && session.status().state() == FeedStatus.State.STREAMING;
        }));
    }
}
