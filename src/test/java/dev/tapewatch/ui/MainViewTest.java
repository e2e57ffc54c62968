package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import dev.tapewatch.app.Threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.Audit;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.cli.Cli;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.Band;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.chart.ChartProbe;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.watchlist.QuoteRow;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.serve.ServerSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window on the real simulator, database and websocket, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 2);
    /** A stored day with a gap in its recording (10:05 to 10:08), for the history tests. */
    private static final LocalDate STORED_DAY = LocalDate.of(2024, 1, 3);

    private Path dir;
    private StoreLocation database;
    private MainViewModel model;
    private MainView view;
    private final AtomicReference<FeedSettings> feed = new AtomicReference<>();
    private int storedBars;
    private AppConfig config;

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = TempFolders.create("tapewatch-ui");
        database = StoreLocation.ofFile(dir.resolve("db"));
        storedBars = seedStoredDay();
        feed.set(Providers.simulator(SimulatorSettings.builder()
                .start(ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0))).speed(20).build()));
        config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false"); // no tones or desktop notifications from a test run
        config.set(AlertsViewModel.DESKTOP, "false");
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed.get(), database, DetectorSettings.DEFAULT,
                List.of("SPY", "AAPL", "MSFT")));
        view = new MainView(model);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private int seedStoredDay() {
        long from = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 0));
        long gapStart = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 5));
        long gapEnd = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 8));
        long to = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 15));
        List<Bar> bars = new SimulatedMarket(9).day("SPY", STORED_DAY).bars(from, to).stream()
                .filter(bar -> bar.start() < gapStart || bar.start() >= gapEnd).toList();
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) {
            store.upsert(bars);
            store.addCoverage(List.of("SPY"), from, gapStart, "disconnected: test");
            store.addCoverage(List.of("SPY"), gapEnd, to, "stopped");
        }
        return bars.size();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(view::dispose);
        model.close();
    }

    private long newestSecond() {
        List<dev.tapewatch.market.Bar> shown = view.chart().shownBars();
        return shown.isEmpty() ? 0 : shown.get(shown.size() - 1).start();
    }

    private void startLive() {
        model.start();
        Await.until(WAIT, "the live session", () -> model.history().modeProperty().get() == HistoryViewModel.Mode.LIVE);
    }

    @Test
    void startsOnTheSimulatorAndTheChartGrows(FxRobot robot) {
        startLive();
        Await.until(WAIT, "bars on the chart", () -> candlesDrawn() > 5);
        long newest = newestSecond();
        Await.until(WAIT, "newer bars on the chart", () -> newestSecond() >= newest + 5_000);
        // Both counts read in one go on the FX thread, where every update is applied whole.
        int[] counts = onFx(() -> new int[] {ChartProbe.count(view.chart(), "OHLC"),
                ChartProbe.count(view.chart(), "volume") + ChartProbe.count(view.chart(), "spike volume")});
        assertEquals(counts[0], counts[1] / 2);
        assertTrue(onFx(() -> ChartProbe.count(view.chart(), "volume average")) > 0);
        Label provider = robot.lookup("#provider").queryAs(Label.class);
        assertEquals("Simulated market", provider.getText());
        Await.until(WAIT, "streaming in the status bar",
                () -> robot.lookup("#feedState").queryAs(Label.class).getText().contains("streaming"));
        Await.until(WAIT, "a price in the watchlist", () -> !Double.isNaN(model.watchlist().rows().get(0).lastProperty().get()));
    }

    /** #15 defect 12: at 1024×700 the chart is the widest pane, it takes what the window gains, nothing is cut. */
    @Test
    void theChartTakesTheWidthAndNoColumnIsCut(FxRobot robot) {
        startLive();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        javafx.scene.Node watchlist = robot.lookup("#watchlist").query().getParent();
        javafx.scene.Node spikes = robot.lookup("#spikeTable").query().getParent();
        Await.until(WAIT, "the 1024 px layout", () -> onFx(() -> view.split().getWidth()) <= 1024);
        // #15 defect 11: every toolbar control fits, none hides in an overflow menu
        assertTrue(onFx(() -> robot.lookup(".top-bar .tool-bar-overflow-button").queryAll().stream()
                .noneMatch(javafx.scene.Node::isVisible)), "the toolbar overflows at 1024 px");
        assertTrue(onFx(() -> robot.lookup("#exportButton").query().isVisible()
                && robot.lookup("#settingsButton").query().isVisible()));
        double[] narrow = onFx(() -> new double[] {watchlist.getLayoutBounds().getWidth(),
                view.chart().getWidth(), spikes.getLayoutBounds().getWidth()});
        // #27 defect 5: at 1024 px the spike list sits under the watchlist, so the chart keeps most of the width
        assertTrue(onFx(() -> view.arrangement().stacked()), "one side column at 1024 px");
        assertEquals(narrow[0], narrow[2], 8, "watchlist and spike list share the column");
        assertTrue(narrow[1] > 1024 * 0.55, "pane widths at 1024 px: " + java.util.Arrays.toString(narrow));
        robot.interact(() -> stage.setWidth(1600));
        Await.until(WAIT, "the 1600 px layout", () -> onFx(() -> view.split().getWidth()) > 1500);
        double[] wide = onFx(() -> new double[] {watchlist.getLayoutBounds().getWidth(),
                view.chart().getWidth(), spikes.getLayoutBounds().getWidth()});
        assertFalse(onFx(() -> view.arrangement().stacked()), "three columns at 1600 px");
        double[] preferred = onFx(() -> new double[] {((javafx.scene.layout.Region) watchlist).getPrefWidth(),
                ((javafx.scene.layout.Region) spikes).getPrefWidth()});
        assertEquals(preferred[0], wide[0], 2, "the watchlist as wide as its columns");
        assertEquals(preferred[1], wide[2], 6, "the spike list as wide as its columns");
        assertTrue(wide[1] > narrow[1] + 200, "the chart grew from " + narrow[1] + " to " + wide[1]);
        Await.until(WAIT, "volumes in the watchlist", () -> model.watchlist().rows().stream()
                .allMatch(row -> !Double.isNaN(row.volumeProperty().get())));
        long ten = ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0));
        robot.interact(() -> {
            model.spikes().show(List.of(new dev.tapewatch.market.Spike("BRK.B", ten, ten + 3_000, ten,
                    dev.tapewatch.market.Spike.Kind.VOLUME, 123.4, 456.7)));
            stage.setWidth(1024);
        });
        Await.until(WAIT, "cells drawn whole", () -> onFx(() -> {
            List<String> cut = new java.util.ArrayList<>();
            for (javafx.scene.Node node : robot.lookup("#watchlist .table-cell, #spikeTable .table-cell").queryAll()) {
                javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) node;
                javafx.scene.text.Text drawn = (javafx.scene.text.Text) cell.lookup(".text");
                if (cell.getText() != null && drawn != null && !cell.getText().equals(drawn.getText())) {
                    cut.add(cell.getText() + " drawn as " + drawn.getText());
                }
            }
            return cut.isEmpty();
        }));
        String volume = onFx(() -> robot.lookup("#watchlist .table-row-cell .table-cell").queryAll().stream()
                .map(node -> ((javafx.scene.control.TableCell<?, ?>) node).getText()).filter(t -> t != null)
                .filter(t -> t.matches("\\d+(\\.\\d)?[kMB]")).findFirst().orElse("none"));
        assertTrue(volume.matches("\\d+(\\.\\d)?[kMB]"), "volumes read as 12.8M: " + volume);
    }

    /** #15 defect 9: an empty stored day says so, instead of a blank chart. */
    @Test
    void anEmptyDaySaysSo(FxRobot robot) {
        startLive();
        robot.interact(() -> model.history().loadDay(LocalDate.of(2024, 1, 6)));
        Await.until(WAIT, "the empty day's message", () -> robot.lookup("#emptyDay").queryAs(Label.class).isVisible());
        assertEquals("No bars of SPY stored on 2024-01-06 (Saturday): the market is closed at weekends",
                robot.lookup("#emptyDay").queryAs(Label.class).getText());
        robot.interact(() -> model.history().goLive());
        Await.until(WAIT, "the message gone", () -> !robot.lookup("#emptyDay").queryAs(Label.class).isVisible());
    }

    /** #15 deliverable 4: a live spike becomes a toast and a line in the alert log; a price line alerts when crossed. */
    @Test
    void spikesAndPriceLinesRaiseAlerts(FxRobot robot) {
        startLive();
        Await.until(Duration.ofSeconds(90), "a live spike", () -> !onFx(() -> List.copyOf(model.spikes().spikes()))
                .isEmpty());
        dev.tapewatch.market.Spike spike = onFx(() -> model.spikes().spikes().get(0));
        Await.until(WAIT, "its alert", () -> onFx(() -> model.alerts().log().stream()
                .anyMatch(a -> a.symbol().equals(spike.symbol()) && a.time() == spike.peakTime())));
        Await.until(WAIT, "the toast", () -> robot.lookup("#toast").queryAs(Label.class).isVisible());
        List<Long> delays = onFx(() -> model.alerts().recentDelays());
        System.out.printf("spike alerts raised %s ms after their spikes closed%n", delays);
        assertFalse(delays.isEmpty(), "the spike's alert was timed from its arrival");
        String toastText = robot.lookup("#toast").queryAs(Label.class).getText();
        assertTrue(toastText.contains(" · vol ") && toastText.contains(" ET"), toastText);
        assertEquals(1, onFx(() -> model.alerts().log().stream().filter(a -> a.symbol().equals(spike.symbol())
                && a.time() >= spike.start() && a.time() < spike.start() + dev.tapewatch.alert.AlertRules.COOLDOWN_MS
                && a.kind() == dev.tapewatch.alert.Alert.Kind.SPIKE).count()), "one alert per burst");

        // Alt+click on the price pane places a line there; two lines a few cents around the last price
        Await.until(WAIT, "SPY's price", () -> !Double.isNaN(model.watchlist().rows().get(0).lastProperty().get()));
        javafx.scene.Node plot = onFx(() -> view.chart().priceChart().getPlotArea());
        robot.press(KeyCode.ALT).clickOn(plot).release(KeyCode.ALT);
        Await.until(WAIT, "the clicked line", () -> onFx(() -> model.alerts().levels().containsKey("SPY")));
        double clicked = onFx(() -> model.alerts().levels().get("SPY").get(0));
        Await.until(WAIT, "the line on the chart", () -> onFx(() -> ChartProbe.alertLabels(view.chart()))
                .contains("alert " + ChartFormat.price(clicked)));
        robot.interact(() -> model.alerts().removeLevel("SPY", clicked));
        double last = onFx(() -> model.watchlist().rows().get(0).lastProperty().get());
        robot.interact(() -> {
            model.alerts().addLevel("SPY", last + 0.03, null);
            model.alerts().addLevel("SPY", last - 0.03, null);
        });
        Await.until(Duration.ofSeconds(60), "a crossing alert", () -> onFx(() -> model.alerts().log().stream()
                .anyMatch(a -> a.kind() == dev.tapewatch.alert.Alert.Kind.PRICE_LEVEL && a.symbol().equals("SPY"))));
        assertTrue(model.config().get(AlertsViewModel.LEVELS).orElseThrow().startsWith("SPY:"), "lines are remembered");
    }

    /** #15 deliverable 5: four charts, each its own symbol and step, time linked, and the layout remembered. */
    @Test
    void fourChartsEachWithItsOwnSymbolAndStepLinkedInTime(FxRobot robot) throws Exception {
        startLive();
        robot.interact(() -> robot.lookup("#layoutChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue(4));
        Await.until(WAIT, "four charts with bars", () -> onFx(() -> java.util.stream.IntStream.range(0, 4)
                .allMatch(i -> view.charts().pane(i).chart().shown() != null && view.charts().pane(i).isVisible()
                        && view.charts().pane(i).getScene() != null)));
        robot.interact(() -> view.charts().pane(2).controls().selectStep("1 min"));
        Await.until(WAIT, "chart 3 in minutes", () -> onFx(() -> view.charts().pane(2).chart().shown().step()) == 60);
        List<String> symbols = onFx(() -> java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> view.charts().pane(i).chart().shown().symbol()).toList());
        assertEquals(List.of("SPY", "AAPL", "MSFT", "MSFT"), symbols, "each chart its own symbol (three watched)");
        // scrolling one chart zooms it and moves the other three to the same time
        javafx.scene.Node plot = onFx(() -> view.charts().pane(1).chart().priceChart().getPlotArea());
        robot.moveTo(plot).scroll(3, javafx.geometry.VerticalDirection.UP);
        Await.until(WAIT, "the time linked", () -> onFx(() -> {
            long from = view.charts().pane(1).chart().visibleFrom();
            long to = view.charts().pane(1).chart().visibleTo();
            return java.util.stream.IntStream.range(0, 4).allMatch(i -> view.charts().pane(i).chart().visibleFrom() == from
                    && view.charts().pane(i).chart().visibleTo() == to);
        }));
        robot.moveTo(plot);
        Await.until(WAIT, "the hovered time on the other charts", () -> onFx(() ->
                !Double.isNaN(ChartProbe.timeCursor(view.charts().pane(3).chart()))));
        assertEquals("4", config.get(ChartLayout.COUNT).orElseThrow());
        assertEquals("1 min", config.get(ChartLayout.key(2, "step")).orElseThrow());
        ChartLayout remembered = new ChartLayout(config);
        assertEquals(4, remembered.countProperty().get());
        assertEquals("MSFT", remembered.symbol(2).get());
    }

    @Test
    void addsAndRemovesASymbolThroughTheWatchlist(FxRobot robot) {
        startLive();
        robot.clickOn("#search").write("xyzq").type(KeyCode.ENTER);
        assertEquals(3, model.watchlist().rows().size(), "an unknown ticker is not added");
        assertEquals("Symbol: the simulated market has no ticker XYZQ. Pick one of the 64 tickers the search suggests"
                + " (type a name or a letter).", robot.lookup("#search").queryAs(TextField.class).getTooltip().getText());
        robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).clear());
        robot.clickOn("#search").write("amd").type(KeyCode.ENTER);
        Await.until(WAIT, "AMD in the watchlist",
                () -> model.watchlist().rows().stream().anyMatch(row -> row.symbol().equals("AMD")));
        assertTrue(model.sessionProperty().get().watchlist().contains("AMD"));
        assertEquals("AMD", model.watchlist().selectedProperty().get());
        Await.until(WAIT, "AMD's bars", () -> !Double.isNaN(model.watchlist().rows().get(3).lastProperty().get()));

        @SuppressWarnings("unchecked")
        TableView<QuoteRow> table = robot.lookup("#watchlist").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(3));
        robot.clickOn("#removeButton");
        Await.until(WAIT, "AMD gone", () -> model.watchlist().rows().stream().noneMatch(row -> row.symbol().equals("AMD")));
        assertFalse(model.sessionProperty().get().watchlist().contains("AMD"));
        assertEquals("SPY,AAPL,MSFT", model.config().get("watchlist").orElseThrow());
    }

    @Test
    void aStoredDayLoadsExactlyItsBarsWithTheGapShaded(FxRobot robot) {
        startLive();
        robot.interact(() -> robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> model.history().modeProperty().get() == HistoryViewModel.Mode.HISTORY
                && view.chart().shownBars().size() == storedBars, () -> "shown " + view.chart().shownBars().size());
        assertEquals(storedBars, model.history().dayProperty().get().bars().size());
        // #15 defect 9: the date picker marks the days that hold bars of the symbol
        javafx.scene.control.DatePicker picker = robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class);
        robot.interact(picker::show);
        Await.until(WAIT, "the marked days", () -> onFx(() -> robot.lookup(".stored-day").queryAll().stream()
                .map(n -> ((javafx.scene.control.DateCell) n).getItem()).toList()).contains(STORED_DAY));
        List<LocalDate> marked = onFx(() -> robot.lookup(".stored-day").queryAll().stream()
                .map(n -> ((javafx.scene.control.DateCell) n).getItem()).distinct().sorted().toList());
        List<LocalDate> stored = onFx(() -> model.history().storedDaysProperty().get().keySet().stream().sorted()
                .toList());
        assertEquals(stored, marked, "exactly the stored days are marked");
        assertFalse(marked.contains(STORED_DAY.plusDays(1)));
        robot.interact(picker::hide);
        Await.until(WAIT, "the gap band", () -> onFx(() -> ChartProbe.bands(view.chart())).stream()
                .anyMatch(b -> b.kind == Band.Kind.GAP));
        List<Band> gaps = onFx(() -> ChartProbe.bands(view.chart())).stream().filter(b -> b.kind == Band.Kind.GAP)
                .toList();
        assertEquals(2, gaps.size(), "one gap, shaded in the price and the volume pane");
        assertEquals(ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 5)) / 1000.0, gaps.get(0).getLowerBound());
        assertEquals(ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 8)) / 1000.0, gaps.get(0).getUpperBound());
        assertEquals("not recorded", gaps.get(0).getText());
    }

    @Test
    void replayFromHerePlaysTheStoredDayThroughTheLiveChartPausesAndGoesBackToLive(FxRobot robot) {
        startLive();
        LiveSession recording = model.sessionProperty().get();
        robot.interact(() -> robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> view.chart().shownBars().size() == storedBars);
        long from = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 12));
        long to = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 15));
        int replayed = model.history().dayProperty().get().bars().size(); // the day before its start at once
        long dayFirst = model.history().dayProperty().get().bars().get(0).start();
        robot.interact(() -> {
            model.history().select(from, to, view.chart().shownBars());
            model.replay().speedProperty().set(100.0);
        });
        robot.clickOn("#replayButton");
        Await.until(WAIT, "the replayed minutes through the live path", () -> model.replay().activeProperty().get()
                && model.sessionProperty().get().series().bars("SPY", 0, Long.MAX_VALUE).size() == replayed,
                () -> model.sessionProperty().get().series().bars("SPY", 0, Long.MAX_VALUE).size() + " of " + replayed
                        + " first " + ExchangeTime.localDateTime(model.sessionProperty().get().series().bars("SPY", 0,
                        Long.MAX_VALUE).get(0).start()) + " last " + ExchangeTime.localDateTime(model.sessionProperty()
                        .get().series().bars("SPY", 0, Long.MAX_VALUE).get(model.sessionProperty().get().series()
                        .bars("SPY", 0, Long.MAX_VALUE).size() - 1).start()));
        assertTrue(model.sessionProperty().get() != recording, "the replay is shown in the live session's place");
        // the chart follows the replay's clock: what it shows is the day up to it
        Await.until(WAIT, "replayed bars on the chart", () -> onFx(() -> !view.chart().shownBars().isEmpty()
                && view.chart().shownBars().get(view.chart().shownBars().size() - 1).start() >= from));
        List<Bar> charted = onFx(() -> view.chart().shownBars());
        assertEquals(dayFirst, charted.get(0).start(), "the day from its first second");
        assertTrue(charted.get(charted.size() - 1).start() < to, charted::toString);
        assertEquals(HistoryViewModel.Mode.LIVE, model.history().modeProperty().get());
        assertEquals("Replay", robot.lookup("#provider").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#datePicker").query().isDisabled(), "days cannot be changed under a replay");
        robot.clickOn("#replayPause");
        Await.until(WAIT, "the pause shown", () -> robot.lookup("#replayState").queryAs(Label.class).getText()
                .startsWith("Replay of " + STORED_DAY + ", paused at 10:1"));
        assertTrue(onFx(() -> robot.lookup(".top-bar .tool-bar-overflow-button").queryAll().stream()
                .noneMatch(javafx.scene.Node::isVisible)), "the replay's controls fit the toolbar");

        robot.clickOn("#liveButton");
        Await.until(WAIT, "the live session back", () -> model.sessionProperty().get() == recording
                && !model.replay().activeProperty().get());
        assertEquals("", robot.lookup("#replayState").queryAs(Label.class).getText());
        assertEquals("Simulated market", robot.lookup("#provider").queryAs(Label.class).getText());
        Await.until(WAIT, "live bars again", () -> candlesDrawn() > 0
                && ExchangeTime.dayOf(view.chart().shownBars().get(0).start()).equals(LIVE_DAY));
    }

    @Test
    void followLiveStopsOnlyWhenTheUserMovesTheChartAndAWindowChoiceInHistoryKeepsTheDay(FxRobot robot) {
        startLive();
        Await.until(WAIT, "bars on the chart", () -> candlesDrawn() > 5);
        ToggleButton follow = robot.lookup("#followButton").queryAs(ToggleButton.class);
        assertTrue(follow.isSelected());
        robot.clickOn(FxRead.centre(robot, view.chart())); // a stray click
        robot.interact(() -> { });
        assertTrue(follow.isSelected(), "a click is not a move");
        robot.drag(FxRead.centre(robot, view.chart())).moveBy(-120, 0)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        Await.until(WAIT, "following off after a drag", () -> !follow.isSelected());

        robot.interact(() -> follow.setSelected(true));
        robot.interact(() -> robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> model.history().modeProperty().get() == HistoryViewModel.Mode.HISTORY
                && view.chart().shownBars().size() == storedBars);
        assertFalse(follow.isSelected());
        robot.interact(() -> view.selectWindow("1 h"));
        robot.interact(() -> { });
        assertFalse(follow.isSelected(), "choosing a window in history does not switch following on");
        assertEquals(HistoryViewModel.Mode.HISTORY, model.history().modeProperty().get());
        assertEquals(storedBars, view.chart().shownBars().size());
    }

    @Test
    void aSelectionExportedAsParquetHoldsTheSelectedBars(FxRobot robot) throws Exception {
        startLive();
        robot.interact(() -> model.history().loadDay(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> view.chart().shownBars().size() == storedBars);
        long from = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 1, 30));
        long to = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 9, 15));
        robot.interact(() -> model.history().select(from + 400, to - 300, view.chart().shownBars()));
        Path exported = dir.resolve("ui.parquet");
        robot.interact(() -> view.setExportChooser((name, folder) -> exported));
        robot.clickOn("#exportButton");
        Await.until(WAIT, "the export", () -> Files.exists(exported));
        long chosen = view.chart().shownBars().stream().filter(b -> b.start() >= from && b.start() < to).count();
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.ResultSet rows = duck.createStatement().executeQuery("SELECT count(*), min(start_ms),"
                     + " max(start_ms) < " + to + " FROM read_parquet('" + exported + "')")) {
            rows.next();
            assertEquals(chosen, rows.getLong(1));
            assertTrue(rows.getLong(2) >= from && rows.getBoolean(3));
        }
    }

    @Test
    void aSelectionExportedThroughTheUiEqualsTheCommandLineExport(FxRobot robot) throws Exception {
        startLive();
        robot.interact(() -> model.history().loadDay(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> view.chart().shownBars().size() == storedBars);
        long from = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 1, 30));
        long to = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 9, 15));
        robot.interact(() -> model.history().select(from + 400, to - 300, view.chart().shownBars()));
        assertEquals("SPY_2024-01-03_100130-100915.csv", model.history().suggestedExportName());
        Path exported = dir.resolve("ui.csv");
        List<Path> offeredFolders = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.setExportChooser((name, folder) -> {
            offeredFolders.add(folder);
            return exported;
        }));
        robot.clickOn("#exportButton");
        Await.until(WAIT, "the export", () -> Files.exists(exported));
        Await.until(WAIT, "the export confirmed", () -> robot.lookup("#notice").queryAs(Label.class).getText() != null
                && robot.lookup("#notice").queryAs(Label.class).getParent().isVisible());
        List<dev.tapewatch.market.Bar> chosen = view.chart().shownBars().stream()
                .filter(b -> b.start() >= from && b.start() < to).toList();
        assertEquals(String.format("Exported %,d bars of SPY to %s", chosen.size(), exported),
                robot.lookup("#notice").queryAs(Label.class).getText());
        Path home = Path.of(System.getProperty("user.home"));
        assertTrue(offeredFolders.get(0).equals(home) || offeredFolders.get(0).equals(home.resolve("Documents")),
                "the first export offers Documents or home, not the working folder: " + offeredFolders);
        robot.clickOn("#exportButton");
        Await.until(WAIT, "the second choice", () -> offeredFolders.size() == 2);
        assertEquals(dir, offeredFolders.get(1), "the next export opens where the last one went");
        Path cli = dir.resolve("cli.csv");
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"export", "--db", database.file().toString(), "--symbol", "SPY", "--date",
                STORED_DAY.toString(), "--from", "10:01:30", "--to", "10:09:15", "--out", cli.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertEquals(Files.readString(cli), Files.readString(exported));
        assertTrue(Files.readAllLines(exported).size() > 100);
        double open = chosen.get(0).open();
        double close = chosen.get(chosen.size() - 1).close();
        String info = robot.lookup("#selectionInfo").queryAs(Label.class).getText();
        assertTrue(info.startsWith(String.format("Selection 10:01:30–10:09:15 · %,d bars · ", chosen.size())), info);
        assertTrue(info.contains(String.format(java.util.Locale.ROOT, " · %+.2f%% · H %.2f L %.2f · VWAP ",
                (close - open) / open * 100, chosen.stream().mapToDouble(dev.tapewatch.market.Bar::high).max().orElseThrow(),
                chosen.stream().mapToDouble(dev.tapewatch.market.Bar::low).min().orElseThrow())), info);
    }

    @Test
    void aThemeChangeKeepsTheSessionAndItsChartWhileOtherSettingsRestartIt(FxRobot robot) throws Exception {
        startLive();
        Await.until(WAIT, "bars on the chart", () -> candlesDrawn() > 5);
        LiveSession running = model.sessionProperty().get();
        robot.interact(() -> model.applySettings(() -> Themes.apply(config, "light")));
        Path file = dir.resolve("tapewatch.properties");
        Await.until(WAIT, "the theme saved", () -> Files.exists(file) && read(file).contains("light"));
        long received = running.stats().bars();
        Await.until(WAIT, "bars still arriving", () -> running.stats().bars() > received + 20);
        assertSame(running, model.sessionProperty().get());
        assertTrue(candlesDrawn() > 5, "the chart kept its bars");
        // a feed setting is part of the session: it restarts
        robot.interact(() -> model.applySettings(() -> feed.set(feed.get().withBackfill(false))));
        Await.until(WAIT, "a new session", () -> model.sessionProperty().get() != null
                && model.sessionProperty().get() != running);
    }

    @Test
    void sharingTurnedOnInSettingsSavesThePortAndAKeyThatTheDialogNeverShows(FxRobot robot) {
        robot.interact(() -> SettingsDialog.show(view.getScene().getWindow(), model));
        javafx.scene.control.CheckBox share = robot.lookup("#share").queryAs(javafx.scene.control.CheckBox.class);
        DialogPane pane = (DialogPane) share.getScene().getRoot();
        assertTrue(robot.lookup("#sharePort").query().isDisabled(), "no port while sharing is off");
        robot.clickOn(share);
        robot.interact(() -> robot.lookup("#sharePort").queryAs(TextField.class).setText("70000"));
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        assertEquals("Sharing port: '70000' is not a port number. Type one from 1 to 65535, e.g. 8765.",
                robot.lookup("#settingsProblem").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#sharePort").queryAs(TextField.class).setText("18765"));
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        Await.until(WAIT, "the settings saved", () -> config.get(dev.tapewatch.app.SessionConfig.SHARE_PORT).isPresent());
        assertEquals("18765", config.get(dev.tapewatch.app.SessionConfig.SHARE_PORT).orElseThrow());
        String key = config.get(dev.tapewatch.app.Relay.KEY).orElseThrow();
        assertEquals(22, key.length(), "128 random bits");
        // reopened, the dialog shows the setting but not the key
        robot.interact(() -> SettingsDialog.show(view.getScene().getWindow(), model));
        javafx.scene.control.CheckBox again = robot.lookup("#share").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(again.isSelected());
        List<String> texts = robot.lookup(node -> node.getScene() == again.getScene()
                && (node instanceof javafx.scene.control.Labeled || node instanceof TextField)).queryAll().stream()
                .map(node -> node instanceof TextField field ? field.getText()
                        : ((javafx.scene.control.Labeled) node).getText()).toList();
        assertTrue(texts.stream().noneMatch(text -> text != null && text.contains(key)), texts.toString());
        robot.clickOn(((DialogPane) again.getScene().getRoot()).lookupButton(ButtonType.CANCEL));
    }

    @Test
    void aWrongEntryInSettingsIsNamedAndTheDialogStaysOpenWithItsButtons(FxRobot robot) {
        robot.interact(() -> SettingsDialog.show(view.getScene().getWindow(), model));
        TextField window = robot.lookup("#detectorWindow").queryAs(TextField.class);
        DialogPane pane = (DialogPane) window.getScene().getRoot();
        javafx.scene.Node ok = pane.lookupButton(ButtonType.OK);
        javafx.scene.Node cancel = pane.lookupButton(ButtonType.CANCEL);
        robot.interact(() -> window.setText("abc"));
        robot.clickOn(ok);
        Label problem = robot.lookup("#settingsProblem").queryAs(Label.class);
        assertEquals("Window (s): 'abc' is not a whole number of seconds. Type one, e.g. 60.", problem.getText());
        robot.interact(() -> {
            window.setText("60");
            robot.lookup("#feedUrl").queryAs(TextField.class).setText("http//example");
        });
        robot.clickOn(ok);
        assertTrue(problem.getText().startsWith("URL: 'http//example' is not a websocket address"), problem.getText());
        // still open, with OK and Cancel inside its window
        javafx.stage.Window dialog = pane.getScene().getWindow();
        assertTrue(dialog.isShowing());
        for (javafx.scene.Node button : List.of(ok, cancel)) {
            javafx.geometry.Bounds bounds = button.localToScene(button.getBoundsInLocal());
            assertTrue(bounds.getMaxY() <= pane.getScene().getHeight() && bounds.getMaxX() <= pane.getScene().getWidth(),
                    bounds + " in " + pane.getScene().getWidth() + "x" + pane.getScene().getHeight());
        }
        robot.clickOn(cancel);
        Await.until(WAIT, "the dialog closed", () -> !dialog.isShowing());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aFeedFailureShowsInTheStatusBar(FxRobot robot) throws Exception {
        try (MarketServer strict = MarketServer.simulate(new ServerSettings(0, "ok", ServerSettings.Protocol.POLYGON),
                SimulatorSettings.DEFAULT, Threads::named)) {
            feed.set(new FeedSettings(Providers.POLYGON, URI.create(strict.url().toString()), "not-the-key-7781", 30_000,
                    null, false));
            model.start();
            // the scene graph is read on the FX thread: read from here it changed under the lookup once
            Await.until(WAIT, "the failure in the status bar", () -> text(robot, "#feedState").contains("failed"));
            String state = text(robot, "#feedState");
            assertTrue(state.contains("refused the API key"), state);
            assertFalse(state.contains("not-the-key-7781"));
            Await.until(WAIT, "the error banner", () -> FxRead.on(robot, () -> robot.lookup("#errorMessage")
                    .queryAs(Label.class).isVisible()) && text(robot, "#errorMessage") != null);
            // the key put right: once the feed streams, the banner about the refused key goes
            robot.interact(() -> model.applySettings(() -> feed.set(new FeedSettings(Providers.POLYGON,
                    URI.create(strict.url().toString()), "ok", 30_000, null, false))));
            Await.until(WAIT, "streaming again", () -> text(robot, "#feedState").contains("streaming"));
            Await.until(WAIT, "the stale banner gone", () -> !FxRead.on(robot, () -> robot.lookup("#errorMessage")
                    .queryAs(Label.class).getParent().isVisible()), () -> text(robot, "#errorMessage"));
        }
    }

    private static String text(FxRobot robot, String id) {
        return FxRead.on(robot, () -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void cancellingLoadsAndExportsWhileRecordingNeverCostsTheRecorderABar(FxRobot robot) throws Exception {
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) {
            store.upsert(new SimulatedMarket(9).day("NVDA", STORED_DAY).bars(0, Long.MAX_VALUE));
        }
        startLive();
        robot.interact(() -> model.watchlist().addSymbol("NVDA")); // in the watchlist, so the table keeps it selected
        for (int i = 0; i < 15; i++) {
            javafx.concurrent.Task<?>[] load = new javafx.concurrent.Task<?>[1];
            robot.interact(() -> load[0] = model.history().loadDay(STORED_DAY));
            Await.until(WAIT, "the load to start", () -> onFx(() -> load[0].isRunning() || load[0].isDone()));
            robot.interact(() -> model.tasks().cancel()); // lands while the load reads the store
        }
        javafx.concurrent.Task<?>[] last = new javafx.concurrent.Task<?>[1];
        robot.interact(() -> last[0] = model.history().loadDay(STORED_DAY));
        Await.until(WAIT, "the NVDA day", () -> onFx(() -> last[0].getState() == javafx.concurrent.Worker.State.SUCCEEDED),
                () -> onFx(() -> last[0].getState() + " " + last[0].getException() + " "
                        + model.status().errorProperty().get()));
        assertEquals("NVDA", model.history().dayProperty().get().symbol());
        List<Bar> day = model.history().dayProperty().get().bars();
        for (int i = 0; i < 15; i++) {
            Path target = dir.resolve("cancelled-" + i + ".csv");
            javafx.concurrent.Task<?>[] export = new javafx.concurrent.Task<?>[1];
            robot.interact(() -> {
                model.history().select(day.get(0).start(), day.get(day.size() - 1).end(), day);
                export[0] = model.history().exportSelection(target);
            });
            Await.until(WAIT, "the export to start", () -> onFx(() -> export[0].isRunning() || export[0].isDone()));
            robot.interact(() -> model.tasks().cancel());
        }
        LiveSession session = model.sessionProperty().get();
        Await.until(WAIT, "bars stored meanwhile", () -> session.barsStored() > 0);
        model.close();
        assertEquals(0, session.storeFailures(), "no write failed: nothing closed the store under the recorder");
        assertEquals(0, session.barsPending());
        assertEquals(0, session.barsUnstored());
        try (BarStore store = BarStore.open(database, BarStore.Mode.EXISTING)) {
            assertEquals(day.size(), store.bars("NVDA", ExchangeTime.startOfDay(STORED_DAY),
                    ExchangeTime.endOfDay(STORED_DAY)).size());
        }
    }

    @Test
    void auditingAStoredDayShowsTheSecondsTheProviderHasAndTheStoreLacks(FxRobot robot) {
        feed.set(Providers.simulator(SimulatorSettings.builder().seed(9)
                .start(ExchangeTime.toEpochMillis(STORED_DAY.plusDays(1), LocalTime.of(10, 0))).build())
                .withBackfill(false));
        startLive();
        robot.interact(() -> model.history().loadDay(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> view.chart().shownBars().size() == storedBars);
        robot.clickOn("#auditButton");
        Await.until(WAIT, "the audit", () -> model.history().auditProperty().get() != null);
        Audit.Report report = model.history().auditProperty().get();
        List<Bar> provider = new SimulatedMarket(9).day("SPY", STORED_DAY).bars(0, Long.MAX_VALUE);
        assertEquals(storedBars, report.equal());
        assertEquals(provider.size() - storedBars, report.missingHere().size());
        assertEquals(0, report.missingThere().size());
        assertEquals(0, report.revised().size());
        long gapStart = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 5)) / 1000;
        long gapEnd = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(10, 8)) / 1000;
        Await.until(WAIT, "missing seconds inside the recording gap on the chart", () -> onFx(() -> ChartProbe.bands(
                view.chart())).stream().anyMatch(b -> b.kind == Band.Kind.MISSING && b.getLowerBound() >= gapStart
                        && b.getUpperBound() <= gapEnd));
        assertEquals(String.format("Audit: %,d missing here · 0 missing there · 0 revised", provider.size() - storedBars),
                robot.lookup("#auditResult").queryAs(Label.class).getText());
    }

    /** The candles the first chart draws now. */
    private int candlesDrawn() {
        return onFx(() -> ChartProbe.count(view.chart(), "OHLC"));
    }

    /** Reads FX state on the FX thread. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
