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
import dev.tapewatch.movers.Mover;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartSnapshot;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window watching a simulated whole market lists a mover, and a click on it charts that symbol at the move. */
@ExtendWith(ApplicationExtension.class)
class MoversPaneTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = TempFolders.create("tapewatch-movers");
        // 400 symbols with an event an hour in every other one, at 20x: a mover every few seconds
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder()
                .start(ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 30))).speed(20).market(400)
                .events(new SimulatedMarket.EventSettings(0.5, 12, 40, 0.5, 4, 0.5, true)).build());
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed.withBackfill(false),
                StoreLocation.ofFile(dir.resolve("db")), DetectorSettings.DEFAULT, List.of("SPY"))
                .withWholeMarket(true));
        view = new MainView(model);
        stage.setScene(new Scene(view, 1400, 800));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(view::dispose);
        model.close();
    }

    @Test
    void aMoverOfTheWholeMarketIsListedAndAClickChartsItAtTheMove(FxRobot robot) {
        robot.clickOn("Movers");
        @SuppressWarnings("unchecked")
        TableView<Mover> table = robot.lookup("#moversTable").queryAs(TableView.class);
        Mover[] listed = new Mover[1];
        Await.until(WAIT, "a mover listed", () -> (listed[0] = FxRead.on(robot,
                () -> table.getItems().isEmpty() ? null : table.getItems().get(0))) != null);
        Mover mover = listed[0];
        // stacked under the watchlist of a 1400x800 window, the table and the entered / left log keep their rows
        assertTrue(FxRead.on(robot, () -> table.getHeight()) >= 160, "the table has room for three movers");
        assertTrue(FxRead.on(robot, () -> robot.lookup("#moversLog").query().getLayoutBounds().getHeight()) >= 120,
                "the entered / left log has room for three lines");
        assertTrue(mover.score() >= DetectorSettings.DEFAULT.minScore(), mover.toString());
        Await.until(WAIT, "a scanner alert for " + mover.symbol(), () -> FxRead.on(robot, () -> model.alerts().log()
                .stream().anyMatch(alert -> alert.symbol().equals(mover.symbol()))));
        // its previous close is looked up as it enters (the simulator's REST history of the day before)
        Await.until(WAIT, "a change since the previous close", () -> FxRead.on(robot, () -> table.getItems()
                .stream().anyMatch(m -> Double.isFinite(m.changeSincePreviousClosePct()))));
        robot.interact(() -> table.getSelectionModel().select(mover)); // a click on its row, while it is listed
        Await.until(WAIT, "the first chart on " + mover.symbol() + " around its move", () -> FxRead.on(robot, () -> {
            ChartSnapshot shown = view.chart().shown();
            return shown != null && shown.symbol().equals(mover.symbol())
                    && view.chart().visibleFrom() <= mover.startMs() && view.chart().visibleTo() > mover.startMs();
        }));
        assertEquals(mover.symbol(), FxRead.on(robot, () -> model.watchlist().selectedProperty().get()));
        long span = FxRead.on(robot, () -> view.chart().visibleTo() - view.chart().visibleFrom());
        assertTrue(span <= 180_000, "a few minutes in view, so seconds show: " + span + " ms");
        assertEquals(1, (int) FxRead.on(robot, () -> view.chart().shown().step()), "one-second candles");
    }
}
