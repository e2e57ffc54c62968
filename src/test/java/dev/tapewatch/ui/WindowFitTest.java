package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.chart.ChartProbe;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * #27 layout acceptance: at 1024×700, 1600×1000 and 1920×1080, with 1, 2 and 4 charts, in both themes, no control
 * leaves the window, no label or header is cut (its drawn text is its text, as {@code MainViewTest} measures the
 * columns), and each chart's plot keeps at least half its pane's height. On the live simulator, with a spike listed
 * and a selection made. The Settings dialog over the same windows, likewise.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration DIALOG_WAIT = Duration.ofSeconds(20);
    private static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 2);

    private MainViewModel model;
    private MainView view;
    private AppConfig config;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        java.nio.file.Path dir = TempFolders.create("tapewatch-fit");
        config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder()
                .start(ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0))).speed(20).build());
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

    @ParameterizedTest(name = "{0}x{1} {2}")
    @MethodSource("dev.tapewatch.ui.LayoutCheck#windows")
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
            LayoutCheck.settles(robot, WAIT, where, () -> problems(charts));
        }
    }

    /**
     * The Settings dialog over each window: no label cut ("Alpaca s…", "Databas…", "Min × us…", "Merge w…", "Copy
     * loc…" were), no control out of the dialog, and the dialog no taller or wider than the window it opens over.
     */
    @ParameterizedTest(name = "{0}x{1} {2}")
    @MethodSource("dev.tapewatch.ui.LayoutCheck#windows")
    void noLabelOfTheDialogIsCut(int width, int height, String theme, FxRobot robot) {
        robot.interact(() -> {
            Themes.apply(config, theme);
            stage.setWidth(width);
            stage.setHeight(height);
            SettingsDialog.show(stage, model);
        });
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) robot.lookup("#providerChoice").query()
                .getScene().getRoot();
        javafx.stage.Window dialog = FxRead.on(robot, () -> pane.getScene().getWindow());
        try {
            LayoutCheck.settles(robot, DIALOG_WAIT, width + "x" + height + " " + theme + " Settings", () -> {
                pane.applyCss();
                pane.layout();
                Scene scene = pane.getScene();
                List<String> found = new ArrayList<>(LayoutCheck.problems(pane, scene.getWidth(), scene.getHeight()));
                if (dialog.getWidth() > width || dialog.getHeight() > height) {
                    found.add("the dialog is " + dialog.getWidth() + "x" + dialog.getHeight() + " over a window of "
                            + width + "x" + height);
                }
                return found;
            });
        } finally {
            robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL))
                    .fire());
        }
    }

    private List<String> problems(int charts) {
        Scene scene = view.getScene();
        scene.getRoot().applyCss(); // live labels change every pulse: lay them out before comparing what is drawn
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        problems.addAll(LayoutCheck.problems(scene.getRoot(), scene.getWidth(), scene.getHeight()));
        for (int i = 0; i < charts; i++) {
            ChartPane pane = view.charts().pane(i);
            double plot = pane.chart().priceChart().getPlotArea().getHeight()
                    + ChartProbe.volumePane(pane.chart()).getPlotArea().getHeight();
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
}
