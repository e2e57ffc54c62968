package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartProbe;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * #15 deliverable 1 and its acceptance: a launch opens on the session so far, not an empty chart, on a simulator set
 * to 11:00 and on a first launch with no settings at all (a fresh home, the real clock); how long it took is printed.
 */
@ExtendWith(ApplicationExtension.class)
class OpensFullTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 3);
    private Stage stage;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage window) {
        stage = window;
    }

    /** The window of a model made from this settings file; no tones or desktop notifications from a test. */
    private void open(FxRobot robot, AppConfig config, java.util.function.Function<AppConfig, MainViewModel> make) {
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
        robot.interact(() -> {
            Themes.apply(config, Themes.current(config));
            model = make.apply(config);
            view = new MainView(model);
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
        });
    }

    @AfterEach
    void stop() throws Exception {
        view.dispose();
        model.close();
    }

    @Test
    void aFirstLaunchWithNoSettingsShowsSpysSessionSoFar(FxRobot robot) throws Exception {
        Path home = TempFolders.create("tapewatch-home");
        AppPaths paths = new AppPaths(Map.of(), "Linux", home);
        open(robot, AppConfig.load(paths.configFile()), config -> MainViewModel.forUser(config, paths, Map.of()));
        long started = System.nanoTime();
        robot.interact(model::start);
        // #27: while the day fills, the chart says so; once it is in, the words go
        javafx.scene.control.Label loading = robot.lookup("#loading0").queryAs(javafx.scene.control.Label.class);
        Await.until(Duration.ofSeconds(10), "the chart saying it loads SPY's day", () -> FxRead.on(robot,
                () -> loading.isVisible() && "Loading SPY 04:00–now…".equals(loading.getText())));
        Await.until(Duration.ofSeconds(60), "SPY's session so far", () -> {
            List<Bar> shown = view.chart().shownBars();
            if (shown.isEmpty()) {
                return false;
            }
            long sessionStart = ExchangeTime.toEpochMillis(ExchangeTime.dayOf(shown.get(0).start()),
                    ExchangeTime.PRE_MARKET_OPEN);
            long now = model.sessionProperty().get().marketClock().getAsLong();
            return shown.get(0).start() < sessionStart + 300_000 && shown.get(shown.size() - 1).end() >= now - 5_000;
        }, () -> view.chart().shownBars().size() + " seconds shown");
        List<Bar> shown = view.chart().shownBars();
        System.out.printf("first launch, no settings: SPY from %s to %s (%,d seconds) on the chart %,d ms after start%n",
                ExchangeTime.localDateTime(shown.get(0).start()),
                ExchangeTime.localDateTime(shown.get(shown.size() - 1).start()), shown.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertEquals("SPY", view.chart().shown().symbol());
        assertEquals("Simulated market", model.sessionProperty().get().provider().label());
        Await.until(Duration.ofSeconds(30), "the loading words gone", () -> !FxRead.on(robot, loading::isVisible),
                () -> FxRead.on(robot, loading::getText));
        System.out.printf("first launch: the chart said it loads until %,d ms after start%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void theChartOpensOnTheSessionSoFarWithItsLevels(FxRobot robot) throws Exception {
        Path dir = TempFolders.create("tapewatch-first-launch");
        LiveSession.Settings settings = new LiveSession.Settings(Providers.simulator(SimulatorSettings.builder()
                .start(ExchangeTime.toEpochMillis(DAY, LocalTime.of(11, 0))).build()),
                StoreLocation.ofFile(dir.resolve("db")),
                DetectorSettings.DEFAULT, List.of("SPY", "AAPL", "MSFT"));
        open(robot, AppConfig.load(dir.resolve("tapewatch.properties")), config -> new MainViewModel(config,
                () -> settings));
        long started = System.nanoTime();
        robot.interact(model::start);
        long dayStart = ExchangeTime.toEpochMillis(DAY, ExchangeTime.PRE_MARKET_OPEN);
        long eleven = ExchangeTime.toEpochMillis(DAY, LocalTime.of(11, 0));
        Await.until(Duration.ofSeconds(60), "SPY's day so far on the chart", () -> {
            List<Bar> shown = view.chart().shownBars();
            return !shown.isEmpty() && shown.get(0).start() < dayStart + 300_000
                    && shown.get(shown.size() - 1).start() >= eleven && shown.size() > 10_000;
        }, () -> {
            List<Bar> shown = view.chart().shownBars();
            return shown.size() + " seconds shown" + (shown.isEmpty() ? "" : ", " + ExchangeTime.localDateTime(
                    shown.get(0).start()) + " to " + ExchangeTime.localDateTime(shown.get(shown.size() - 1).start()));
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("simulator at 11:00: SPY's session so far (%,d seconds) on the chart %,d ms after start%n",
                view.chart().shownBars().size(), millis);
        assertEquals("SPY", view.chart().shown().symbol());
        assertTrue(view.chart().shown().step() >= 60, "a day in view is drawn in candles of a minute or more");
        // #15 defect 7: "day" is the trading day, 04:00 to 20:00 in New York, not the last 24 hours
        Await.until(Duration.ofSeconds(30), "the trading day in view", () -> FxRead.on(robot,
                () -> view.chart().visibleFrom() == dayStart && view.chart().visibleTo()
                        == ExchangeTime.toEpochMillis(DAY, ExchangeTime.AFTER_HOURS_CLOSE)));
        Await.until(Duration.ofSeconds(30), "the day's levels", () -> {
            List<String> levels = FxRead.on(robot, () -> ChartProbe.levelLabels(view.chart()));
            return levels.size() == 4 && levels.get(0).startsWith("prev close ") && levels.get(1).startsWith("open ")
                    && levels.get(2).startsWith("high ") && levels.get(3).startsWith("low ");
        }, () -> FxRead.on(robot, () -> ChartProbe.levelLabels(view.chart())).toString());
    }
}
