package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.alert.Alert;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartProbe;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import dev.tapewatch.ui.history.HistoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** #26: acting on an alert. A click on the toast or a log row charts its symbol at its second; the log is kept. */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 2);

    private Path dir;
    private Stage stage;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = TempFolders.create("tapewatch-alerts-ui");
        open();
    }

    /** The window on the simulator and a database in {@code dir}; again after {@link #close} (a restart). */
    private void open() {
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
        config.set(AlertsViewModel.SPIKES, "false"); // only the alerts a test raises
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder()
                .start(ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0))).speed(20).build());
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed, StoreLocation.ofFile(dir.resolve("db")),
                DetectorSettings.DEFAULT, List.of("SPY", "AAPL", "MSFT")));
        view = new MainView(model);
        stage.setScene(new Scene(view, 1280, 800));
        stage.sizeToScene(); // the shared stage keeps the size an earlier test gave it otherwise
        stage.show();
    }

    private void close(FxRobot robot) throws InterruptedException {
        robot.interact(view::dispose);
        model.close();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        close(robot);
    }

    private void startLive() {
        model.start();
        Await.until(WAIT, "the live session", () -> model.history().modeProperty().get() == HistoryViewModel.Mode.LIVE);
        Await.until(WAIT, "two minutes of bars", () -> onFx(() -> view.chart().shownBars().size()) > 120);
    }

    /** An alert on {@code symbol} 20 s after the oldest second shown: away from where a live chart looks. */
    private Alert alertOn(String symbol) {
        List<Bar> shown = onFx(() -> view.chart().shownBars());
        long time = shown.get(0).start() + 20_000;
        return new Alert(time, symbol, Alert.Kind.SPIKE, "volume spike", 42.5, time - 2_000, 100, 101, 99.5, 101.2,
                12_000, 2e6, 15, Double.NaN, Spike.Kind.VOLUME);
    }

    /** The alerts pane scrolled to its rules, as a user of a short window does (the log comes first). */
    static void scrollToRules(FxRobot robot) {
        robot.interact(() -> robot.lookup("#alertsScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
    }

    /** The alerts pane scrolled so that Apply rules is its last row shown, as a user scrolling down to it leaves it. */
    private static void scrollUntilApplyIsTheLastRowShown(FxRobot robot) {
        javafx.scene.control.ScrollPane scroll = robot.lookup("#alertsScroll")
                .queryAs(javafx.scene.control.ScrollPane.class);
        Node apply = robot.lookup("#alertRulesApply").query();
        double[] heights = FxRead.on(robot, () -> new double[] {scroll.getContent().getLayoutBounds().getHeight(),
                scroll.getViewportBounds().getHeight(),
                scroll.getContent().sceneToLocal(apply.localToScene(apply.getLayoutBounds())).getMaxY()});
        double content = heights[0];
        double shown = heights[1];
        assertTrue(content > shown, "the pane scrolls in this window: " + content + " in " + shown);
        robot.interact(() -> scroll.setVvalue((heights[2] - shown) / (content - shown)));
    }

    private void assertChartedAt(Alert alert) {
        Await.until(WAIT, alert.symbol() + " charted at its second", () -> onFx(() ->
                alert.symbol().equals(model.watchlist().selectedProperty().get())
                        && Math.abs((view.chart().visibleFrom() + view.chart().visibleTo()) / 2 - alert.time()) <= 5_000
                        && view.chart().visibleTo() - view.chart().visibleFrom() <= 10 * 60_000));
    }

    @Test
    void aClickOnTheToastChartsTheAlertAndTheToastLeavesTheReadoutsFree(FxRobot robot) {
        startLive();
        Alert alert = alertOn("AAPL");
        assertTrue(onFx(() -> Math.abs((view.chart().visibleFrom() + view.chart().visibleTo()) / 2 - alert.time()))
                > 5_000, "not where the live chart looks already");
        robot.interact(() -> model.alerts().raise(alert));
        Await.until(WAIT, "the toast", () -> onFx(() -> robot.lookup("#toast").queryAs(Label.class).isVisible()));
        Bounds toast = onFx(() -> robot.lookup("#toast").query().localToScene(
                robot.lookup("#toast").query().getBoundsInLocal()));
        List<Bounds> readouts = onFx(() -> robot.lookup("#readout").queryAll().stream()
                .filter(Node::isVisible).map(node -> node.localToScene(node.getBoundsInLocal())).toList());
        assertFalse(readouts.isEmpty());
        for (Bounds readout : readouts) {
            assertFalse(toast.intersects(readout), "the toast " + toast + " covers a readout " + readout);
        }
        robot.clickOn("#toast");
        assertChartedAt(alert);
        assertFalse(onFx(() -> robot.lookup("#toast").query().isVisible()), "the click also dismissed it");
    }

    @Test
    void aClickOnALogRowChartsTheAlert(FxRobot robot) {
        startLive();
        Alert alert = alertOn("MSFT");
        robot.interact(() -> {
            model.alerts().raise(alert);
            model.alerts().dismissToast();
            view.showAlerts();
        });
        java.util.concurrent.atomic.AtomicReference<Node> found = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until(WAIT, "the log row", () -> {
            found.set(onFx(() -> robot.lookup("#alertLog .list-cell").queryAll().stream()
                    .filter(node -> alert.equals(((ListCell<?>) node).getItem())).findFirst().orElse(null)));
            return found.get() != null;
        });
        Node row = found.get();
        assertEquals(alert.text(), onFx(() -> ((ListCell<?>) row).getText()), "the whole text, not cut short");
        // a laptop-sized window stacks the side panes under the watchlist: the log still shows its rows whole
        Object[] seen = onFx(() -> {
            Node list = robot.lookup("#alertLog").query();
            return new Object[] {list.localToScreen(list.getLayoutBounds()), row.localToScreen(row.getLayoutBounds()),
                    ((javafx.scene.text.Text) row.lookup(".text")).getText()};
        });
        Bounds log = (Bounds) seen[0];
        Bounds shown = (Bounds) seen[1];
        assertTrue(log.getHeight() >= 3 * shown.getHeight(), "the log " + log + " has room for three such rows");
        assertTrue(log.contains(shown), "the row " + shown + " lies whole in the log " + log);
        assertEquals(alert.text(), seen[2], "the row shows the whole text, its time too (no ellipsis)");
        robot.clickOn(row);
        assertChartedAt(alert);
    }

    @Test
    void theLogSurvivesARestartOneDayPerPageUntilCleared(FxRobot robot) throws Exception {
        startLive();
        Alert alert = alertOn("SPY");
        robot.interact(() -> model.alerts().raise(alert));
        close(robot);

        robot.interact(this::open);
        startLive();
        Await.until(WAIT, "the alert back in the log", () -> onFx(() -> model.alerts().log().stream()
                .anyMatch(a -> a.time() == alert.time() && a.text().equals(alert.text()))));
        assertEquals(1, onFx(() -> model.alerts().log().size()));
        assertEquals(LIVE_DAY, onFx(() -> model.alerts().logPages().dayProperty().get()));
        robot.interact(() -> view.showAlerts());
        robot.clickOn("#alertLogPrevious");
        Await.until(WAIT, "the day before, empty", () -> onFx(() -> model.alerts().log().isEmpty()
                && LIVE_DAY.minusDays(1).equals(model.alerts().logPages().dayProperty().get())));
        robot.clickOn("#alertLogNext");
        Await.until(WAIT, "its day again", () -> onFx(() -> model.alerts().log().size()) == 1);
        robot.clickOn("#alertLogClear");
        Await.until(WAIT, "cleared", () -> onFx(() -> model.alerts().log().isEmpty()));
        close(robot);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.EXISTING)) {
            assertEquals(List.of(), store.alertLog(ExchangeTime.startOfDay(LIVE_DAY), ExchangeTime.endOfDay(LIVE_DAY)),
                    "cleared in the database too");
        }
        robot.interact(this::open); // for the test's own close
    }

    @Test
    void aTypedRuleFiresOncePerArmOnTheLiveTape(FxRobot robot) {
        startLive();
        robot.interact(() -> view.showAlerts());
        scrollToRules(robot);
        robot.clickOn("#alertRules").write("SPY crosses 1");
        scrollUntilApplyIsTheLastRowShown(robot);
        robot.clickOn("#alertRulesApply");
        Await.until(WAIT, "the mistake shown", () -> onFx(() -> robot.lookup("#alertRulesProblem")
                .queryAs(Label.class).getText()).contains("unknown rule 'crosses'"));
        // it appears under Apply, below what was shown: the pane scrolls down to it
        Await.until(WAIT, "the mistake in view", () -> onFx(() -> {
            Node pane = robot.lookup("#alertsScroll").query();
            Node problem = robot.lookup("#alertRulesProblem").query();
            return pane.localToScreen(pane.getLayoutBounds())
                    .contains(problem.localToScreen(problem.getLayoutBounds()));
        }));
        robot.interact(() -> robot.lookup("#alertRules").queryAs(javafx.scene.control.TextArea.class).setText("* high"));
        robot.clickOn("#alertRulesApply");
        Await.until(WAIT, "a new high of each watched symbol", () -> onFx(() -> model.alerts().log().stream()
                .filter(a -> a.kind() == Alert.Kind.DAY_HIGH).map(Alert::symbol).distinct().count()) == 3);
        assertFalse(onFx(() -> robot.lookup("#alertRulesProblem").query().isVisible()));
        assertEquals("* high", model.config().get(dev.tapewatch.app.AlertConfig.RULES).orElseThrow());
        // each symbol goes on to higher highs still: with no re-arm, none alerts again
        for (String symbol : List.of("SPY", "AAPL", "MSFT")) {
            Alert first = onFx(() -> model.alerts().log().stream()
                    .filter(a -> a.kind() == Alert.Kind.DAY_HIGH && a.symbol().equals(symbol)).findFirst().orElseThrow());
            Await.until(Duration.ofSeconds(90), symbol + " higher than when it alerted", () -> onFx(() ->
                    model.sessionProperty().get().series().bars(symbol, first.time() + 1, Long.MAX_VALUE).stream()
                            .anyMatch(bar -> bar.high() > first.price())));
        }
        robot.interact(() -> model.refresh()); // the alerts judged on every bar up to now
        for (String symbol : List.of("SPY", "AAPL", "MSFT")) {
            assertEquals(1, onFx(() -> model.alerts().log().stream()
                    .filter(a -> a.kind() == Alert.Kind.DAY_HIGH && a.symbol().equals(symbol)).count()),
                    symbol + ": once per arm");
        }
    }

    @Test
    void draggingAPriceLineKeepsFollowingLive(FxRobot robot) {
        startLive();
        Await.until(WAIT, "SPY's price", () -> !Double.isNaN(onFx(() -> model.watchlist().rows().get(0).lastProperty()
                .get())));
        double last = onFx(() -> model.watchlist().rows().get(0).lastProperty().get());
        robot.interact(() -> model.alerts().addLevel("SPY", last, model.shownDay()));
        double placed = onFx(() -> model.alerts().levels().get("SPY").get(0));
        String text = "alert " + ChartFormat.price(placed);
        Await.until(WAIT, "the line drawn", () -> onFx(() -> robot.lookup(node -> node instanceof Label label
                && text.equals(label.getText())).tryQuery().isPresent()));
        Node label = onFx(() -> robot.lookup(node -> node instanceof Label l && text.equals(l.getText())).query());
        robot.drag(FxRead.centre(robot, label)).dropBy(0, -30);
        Await.until(WAIT, "the line moved", () -> onFx(() -> model.alerts().levels().get("SPY").get(0)) != placed);
        assertTrue(onFx(() -> robot.lookup("#followButton").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected()), "still following live");
    }

    @Test
    void aLineBelongsToTheDayItWasDrawnOnUnlessMadeStanding(FxRobot robot) {
        startLive();
        Await.until(WAIT, "SPY's price", () -> !Double.isNaN(onFx(() -> model.watchlist().rows().get(0).lastProperty()
                .get())));
        double last = onFx(() -> model.watchlist().rows().get(0).lastProperty().get());
        robot.interact(() -> model.alerts().addLevel("SPY", last + 5, model.shownDay()));
        double line = onFx(() -> model.alerts().levels().get("SPY").get(0));
        String label = "alert " + ChartFormat.price(line);
        assertEquals(LIVE_DAY, onFx(() -> model.alerts().lineDay("SPY", line)));
        Await.until(WAIT, "drawn on the live day", () -> onFx(() -> ChartProbe.alertLabels(view.chart())).contains(label));
        assertTrue(model.config().get(AlertsViewModel.LEVELS).orElseThrow().endsWith("@" + LIVE_DAY), "kept with its day");

        robot.interact(() -> model.history().loadDay(LIVE_DAY.minusDays(1)));
        Await.until(WAIT, "the day before shown", () -> onFx(() -> LIVE_DAY.minusDays(1).equals(model.shownDay())));
        Await.until(WAIT, "not drawn on another day", () -> onFx(() -> ChartProbe.alertLabels(view.chart())).isEmpty());
        robot.interact(() -> model.alerts().standing("SPY", line, null));
        Await.until(WAIT, "standing: drawn every day", () -> onFx(() -> ChartProbe.alertLabels(view.chart()))
                .contains(label));
        assertTrue(model.config().get(AlertsViewModel.LEVELS).orElseThrow().endsWith(":" + line));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
