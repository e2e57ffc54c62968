package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * #15 acceptance: a first launch with no settings and no key (a fresh home, the real clock) shows SPY's session so
 * far; how long it took is printed.
 */
@ExtendWith(ApplicationExtension.class)
class FirstLaunchTest {
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("tapewatch-home");
        AppPaths paths = new AppPaths(Map.of(), "Linux", home);
        AppConfig config = AppConfig.load(paths.configFile());
        Themes.apply(config, Themes.current(config));
        config.set(AlertsViewModel.SOUND, "false"); // the one setting made: no tones or notifications from a test
        config.set(AlertsViewModel.DESKTOP, "false");
        model = MainViewModel.forUser(config, paths, Map.of());
        view = new MainView(model);
        stage.setScene(new Scene(view, 1400, 860));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        view.dispose();
        model.close();
    }

    @Test
    void spysSessionSoFarIsOnTheChart(FxRobot robot) {
        long started = System.nanoTime();
        robot.interact(model::start);
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
    }
}
