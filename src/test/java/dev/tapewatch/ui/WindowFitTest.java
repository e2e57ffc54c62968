package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.FeedSettings;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.sim.MarketServer;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * #27 layout acceptance: at 1024×700, 1600×1000 and 1920×1080, with 1, 2 and 4 charts, in both themes, no control
 * leaves the window, no label or header is cut (its drawn text is its text, as {@code MainViewTest} measures the
 * columns), and each chart's plot keeps at least half its pane's height. On the live simulator, with a spike listed.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 2);

    private MainViewModel model;
    private MainView view;
    private AppConfig config;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        java.nio.file.Path dir = Files.createTempDirectory("tapewatch-fit");
        config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
        FeedSettings feed = FeedSettings.simulator(MarketServer.Settings.defaults()
                .withStart(ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0))).withSpeed(20));
        // where a user's database lives: a path as long as a real home's (a short one hid a cut status bar)
        java.nio.file.Path data = Files.createDirectories(dir.resolve("home/trader/.local/share/tapewatch"));
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed, StoreLocation.ofFile(data.resolve("simulated")),
                DetectorSettings.DEFAULT, List.of("SPY", "AAPL", "MSFT", "BRK.B")));
        view = new MainView(model);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(view::dispose);
        model.close();
    }

    static Stream<Arguments> windows() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : new int[][] {{1024, 700}, {1600, 1000}, {1920, 1080}}) {
            for (String theme : Themes.NAMES) {
                all.add(Arguments.of(size[0], size[1], theme));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @MethodSource("windows")
    void everythingFitsAndEveryChartKeepsItsPlot(int width, int height, String theme, FxRobot robot) {
        model.start();
        Await.until(WAIT, "prices in the watchlist", () -> FxRead.on(robot, () -> model.watchlist().rows().stream()
                .allMatch(row -> !Double.isNaN(row.lastProperty().get()))));
        long ten = ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0));
        robot.interact(() -> {
            Themes.apply(config, theme);
            model.spikes().show(List.of(new Spike("BRK.B", ten, ten + 3_000, ten, Spike.Kind.VOLUME, 123.4, 456.7)));
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // a selection's figures take a line of the status bar of their own: they, and the feed's labels, stay whole
        Await.until(WAIT, "bars to select", () -> FxRead.on(robot, () -> view.chart().shownBars().size()) > 60);
        robot.interact(() -> {
            List<dev.tapewatch.market.Bar> shown = view.chart().shownBars();
            model.history().select(shown.get(0).start(), shown.get(shown.size() - 1).end(), shown);
        });
        assertEquals(true, FxRead.on(robot, () -> robot.lookup("#selectionInfo").query().isVisible()), "selection shown");
        for (int charts : ChartLayout.COUNTS) {
            robot.interact(() -> model.layout().countProperty().set(charts));
            String where = width + "x" + height + " " + theme + " " + charts + " chart(s)";
            Await.until(WAIT, where + " laid out", () -> FxRead.on(robot, () -> Math.abs(view.getWidth() - width) < 20
                    && view.charts().pane(charts - 1).chart().plotWidth() > 0));
            // the layout settles over a few pulses (the readout, the tables): wait for it, then hold it to the rules
            List<String> problems = new ArrayList<>();
            try {
                Await.until(WAIT, "nothing out of the window or cut at " + where, () -> {
                    problems.clear();
                    problems.addAll(FxRead.on(robot, () -> problems(charts)));
                    return problems.isEmpty();
                });
            } catch (AssertionError timedOut) {
                assertEquals(List.of(), problems, where);
            }
        }
    }

    private List<String> problems(int charts) {
        Scene scene = view.getScene();
        scene.getRoot().applyCss(); // live labels change every pulse: lay them out before comparing what is drawn
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        check(scene.getRoot(), scene.getWidth(), scene.getHeight(), false, problems);
        for (int i = 0; i < charts; i++) {
            ChartPane pane = view.charts().pane(i);
            double plot = pane.chart().priceChart().getPlotArea().getHeight() + pane.chart().volumePlotHeight();
            for (Node part : List.<Node>of(pane, pane.chart().priceChart(), pane.chart().priceChart().getYAxis() instanceof
                    Node axis ? axis : pane)) {
                Bounds bounds = part.localToScene(part.getLayoutBounds());
                if (bounds.getMinX() < -1 || bounds.getMaxX() > scene.getWidth() + 1 || bounds.getMaxY() > scene.getHeight() + 1) {
                    problems.add("chart " + (i + 1) + "'s " + part.getClass().getSimpleName() + " leaves the window: "
                            + bounds);
                }
            }
            if (plot < pane.getHeight() / 2) {
                problems.add("chart " + (i + 1) + "'s plot is " + plot + " px of its pane's " + pane.getHeight());
            }
        }
        return problems;
    }

    /** Walks what is shown: a control's bounds inside the window (cells of a list are clipped by it), text whole. */
    private static void check(Node node, double width, double height, boolean inList, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && !inList) {
            Bounds bounds = control.localToScene(control.getLayoutBounds());
            if (bounds.getMinX() < -1 || bounds.getMinY() < -1 || bounds.getMaxX() > width + 1
                    || bounds.getMaxY() > height + 1) {
                problems.add(name(control) + " leaves the window: " + bounds);
            }
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            Node drawn = labeled.lookup(".text");
            if (drawn instanceof Text text && !labeled.getText().equals(text.getText())) {
                problems.add("'" + labeled.getText() + "' is drawn as '" + text.getText() + "'");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                check(child, width, height, inList || node instanceof VirtualFlow<?>, problems);
            }
        }
    }

    private static String name(Control control) {
        String text = control instanceof Labeled labeled ? " '" + labeled.getText() + "'" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : "#" + control.getId()) + text;
    }
}
