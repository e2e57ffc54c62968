package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.alpaca.Alpaca;
import dev.tapewatch.provider.polygon.LocalTapewatch;
import dev.tapewatch.provider.polygon.Polygon;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartControls;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.chart.ChartProbe;
import dev.tapewatch.ui.chart.PriceVolumeChart;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.watchlist.QuoteRow;
import dev.tapewatch.ui.watchlist.WatchlistPane;
import dev.tapewatch.sim.SimulatorSettings;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.spi.AbstractRenderer;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window as a trader tries it (#27): the real simulator, store and websocket, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class TraderWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A Wednesday: the simulator's live day, with Tuesday stored before it. */
    static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 3);
    static final LocalDate STORED_DAY = LocalDate.of(2024, 1, 2);

    private Path dir;
    private MainViewModel model;
    private MainView view;
    private AppConfig config;
    private Stage stage;
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = TempFolders.create("tapewatch-trader");
        StoreLocation database = StoreLocation.ofFile(dir.resolve("db"));
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) { // Tuesday's last quarter hour
            long from = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(15, 45));
            long to = ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(16, 0));
            store.upsert(new SimulatedMarket(9).day("SPY", STORED_DAY).bars(from, to));
            store.addCoverage(List.of("SPY"), from, to, "stopped");
        }
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder().seed(9)
                .start(ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0))).speed(20).build());
        config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set(AlertsViewModel.SOUND, "false");
        config.set(AlertsViewModel.DESKTOP, "false");
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed, database, DetectorSettings.DEFAULT,
                List.of("SPY", "AAPL", "MSFT")));
        view = new MainView(model);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> fxErrors.add(error));
        stage.setScene(new Scene(view, 1280, 800));
        stage.sizeToScene(); // the shared stage keeps the size an earlier test gave it otherwise
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(view::dispose);
        model.close();
    }

    private void startLive() {
        model.start();
        Await.until(WAIT, "the live session", () -> model.history().modeProperty().get() == HistoryViewModel.Mode.LIVE);
        Await.until(WAIT, "bars on the chart", () -> FxRead.on(new FxRobot(), () -> ChartProbe.count(view.chart(), "OHLC"))
                > 5);
    }

    private long newestShown(FxRobot robot) {
        List<Bar> shown = FxRead.on(robot, () -> view.chart().shownBars());
        return shown.isEmpty() ? 0 : shown.get(shown.size() - 1).start();
    }

    /** Defect 1: Candles off and on again with live data: the window keeps drawing and nothing throws. */
    @Test
    void switchingCandlesOffAndOnKeepsTheWindowDrawing(FxRobot robot) {
        startLive();
        AtomicInteger frames = new AtomicInteger();
        robot.interact(() -> view.getScene().addPostLayoutPulseListener(frames::incrementAndGet));
        ToggleButton candles = robot.lookup("#candlesButton").queryAs(ToggleButton.class);
        for (boolean on : new boolean[] {false, true, false}) {
            robot.clickOn(candles);
            assertEquals(on, FxRead.on(robot, candles::isSelected));
            long newest = newestShown(robot);
            int seen = frames.get();
            Await.until(WAIT, "newer bars drawn", () -> newestShown(robot) >= newest + 3_000 && frames.get() > seen + 10);
            assertTrue(FxRead.on(robot, () -> {
                XYChart pane = ChartProbe.pricePane(view.chart());
                return pane.getRenderers().stream().allMatch(renderer -> renderer instanceof AbstractRenderer<?> drawn
                        && drawn.getChart() == pane);
            }), "every renderer draws into the chart");
            assertEquals(List.of(), fxErrors, "nothing thrown on the FX thread");
        }
        assertEquals(on(robot), List.of("close"), "the close line, not candles, after switching off");
    }

    private List<String> on(FxRobot robot) {
        return FxRead.on(robot, () -> ChartProbe.pricePane(view.chart()).getRenderers().get(0).getDatasets().stream()
                .map(DataSet::getName).toList());
    }

    /** Defect 3: Ctrl+L leaves a replay: the chart, watchlist and status bar are live again, as with Live. */
    @Test
    void ctrlLLeavesAReplayLikeTheLiveButton(FxRobot robot) {
        startLive();
        LiveSession recording = model.sessionProperty().get();
        robot.interact(() -> model.startReplay(STORED_DAY, ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(15, 50))));
        Await.until(WAIT, "the replay", () -> FxRead.on(robot, () -> model.replay().activeProperty().get()
                && model.sessionProperty().get() != recording));
        robot.clickOn(FxRead.centre(robot, view.chart()))
                .press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        Await.until(WAIT, "the live session back", () -> FxRead.on(robot, () -> model.sessionProperty().get() == recording
                && !model.replay().activeProperty().get()));
        assertEquals("Simulated market", robot.lookup("#provider").queryAs(javafx.scene.control.Label.class).getText());
        Await.until(WAIT, "live bars on the chart", () -> FxRead.on(robot, () -> {
            List<Bar> shown = view.chart().shownBars();
            return !shown.isEmpty() && ExchangeTime.dayOf(shown.get(0).start()).equals(LIVE_DAY);
        }));
        assertFalse(FxRead.on(robot, () -> model.replay().activeProperty().get()));
    }

    /** Defect 2: "Chg %" is measured from the previous session's close (Tuesday's last stored second), not the open. */
    @Test
    void theChangeIsMeasuredFromThePreviousClose(FxRobot robot) {
        List<Bar> tuesday = new SimulatedMarket(9).day("SPY", STORED_DAY).bars(
                ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(15, 45)),
                ExchangeTime.toEpochMillis(STORED_DAY, LocalTime.of(16, 0)));
        double previousClose = tuesday.get(tuesday.size() - 1).close();
        startLive();
        QuoteRow spy = FxRead.on(robot, () -> model.watchlist().rows().get(0));
        Await.until(WAIT, "SPY's change", () -> !Double.isNaN(FxRead.on(robot, () -> spy.changePercentProperty().get())));
        double[] read = FxRead.on(robot, () -> new double[] {spy.lastProperty().get(), spy.changePercentProperty().get()});
        assertEquals((read[0] - previousClose) / previousClose * 100, read[1], 1e-9,
                "last " + read[0] + " against the previous close " + previousClose);
    }

    /** Defect 14: Alt+Left from live opens the session before today's; the toggles and the watchlist's sort are kept. */
    @Test
    void altLeftFromLiveOpensThePreviousSessionAndTheChoicesAreRemembered(FxRobot robot) {
        startLive();
        LiveSession live = model.sessionProperty().get();
        Await.until(WAIT, "today's bars stored", () -> live.barsStored() > 0);
        robot.clickOn(FxRead.centre(robot, view.chart())).press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        Await.until(WAIT, "a stored day", () -> FxRead.on(robot, () -> model.history().dayProperty().get()) != null);
        assertEquals(STORED_DAY, FxRead.on(robot, () -> model.history().dayProperty().get().day()));
        assertEquals("No spikes of SPY on " + STORED_DAY, FxRead.on(robot, () -> model.spikes().emptyProperty().get()),
                "an empty stored day's list does not say 'No spikes yet'");

        robot.clickOn("#candlesButton").clickOn("#meansButton");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<QuoteRow> table = robot.lookup("#watchlist")
                .queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> {
            javafx.scene.control.TableColumn<QuoteRow, ?> volume = table.getColumns().get(3);
            volume.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(volume));
        });
        // the window opened again on the same settings
        robot.interact(() -> {
            ChartControls controls = new ChartControls(model.chart(0), new PriceVolumeChart(), new ChartLayout(config), 0);
            WatchlistPane watchlist = new WatchlistPane(model.watchlist());
            assertFalse(toggle(controls, "candlesButton").isSelected(), "candles off, remembered");
            assertTrue(toggle(controls, "meansButton").isSelected(), "MA on, remembered");
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<QuoteRow> again = (javafx.scene.control.TableView<QuoteRow>)
                    watchlist.lookup("#watchlist");
            assertEquals("Volume", again.getSortOrder().get(0).getText());
            assertEquals(javafx.scene.control.TableColumn.SortType.DESCENDING, again.getSortOrder().get(0).getSortType());
        });
    }

    private static ToggleButton toggle(ChartControls controls, String id) {
        return (ToggleButton) controls.getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow();
    }

    /** Defect 9: picking a 3-second spike with 1-minute candles chosen shows it in candles that show its seconds. */
    @Test
    void pickingASpikeShowsItsSeconds(FxRobot robot) {
        startLive();
        robot.interact(() -> {
            view.selectWindow("15 min");
            view.charts().pane(0).controls().selectStep("1 min");
        });
        Await.until(WAIT, "minute candles", () -> FxRead.on(robot, () -> view.chart().shown().step()) == 60);
        long at = ExchangeTime.toEpochMillis(LIVE_DAY, LocalTime.of(10, 0, 30));
        robot.interact(() -> model.spikes().show(List.of(new dev.tapewatch.market.Spike("SPY", at, at + 3_000, at + 1_000,
                dev.tapewatch.market.Spike.Kind.VOLUME, 12, 14))));
        robot.clickOn(robot.lookup("#spikeTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        Await.until(WAIT, "second candles", () -> FxRead.on(robot, () -> view.chart().shown().step()) == 1,
                () -> "step " + FxRead.on(robot, () -> view.chart().shown().step()));
        long[] shown = FxRead.on(robot, () -> new long[] {view.chart().visibleFrom(), view.chart().visibleTo()});
        assertTrue(shown[0] < at && shown[1] > at + 3_000, "the spike in view");
    }

    /** Defect 12: a chosen step too fine for the zoom says what is drawn instead and why. */
    @Test
    void aStepTooFineForTheZoomSaysWhy(FxRobot robot) {
        startLive();
        robot.interact(() -> {
            view.selectWindow("15 min");
            view.charts().pane(0).controls().selectStep("1 s");
        });
        javafx.scene.control.Label inUse = robot.lookup("#stepInUse").queryAs(javafx.scene.control.Label.class);
        Await.until(WAIT, "the step drawn, and why", () -> FxRead.on(robot, inUse::getText).matches("\\d+ s: 1 s too thin"),
                () -> FxRead.on(robot, inUse::getText));
        int drawn = FxRead.on(robot, () -> view.chart().shown().step());
        assertEquals(drawn + " s: 1 s too thin", FxRead.on(robot, inUse::getText), "it names the step drawn");
        robot.interact(() -> view.charts().pane(0).controls().selectStep("Auto"));
        Await.until(WAIT, "Auto's step", () -> FxRead.on(robot, inUse::getText).matches("\\d+ s"));
    }

    /** Defect 13: an unknown ticker is refused in words under the field; they go when the field is cleared. */
    @Test
    void anUnknownTickerIsRefusedInWordsThatGoWhenTheFieldIsCleared(FxRobot robot) {
        startLive();
        robot.clickOn("#search").write("xyzq").type(KeyCode.ENTER);
        javafx.scene.control.Label problem = robot.lookup("#searchProblem").queryAs(javafx.scene.control.Label.class);
        assertTrue(FxRead.on(robot, problem::isVisible), "the reason is shown");
        assertTrue(FxRead.on(robot, problem::getText).startsWith("Symbol: the simulated market has no ticker XYZQ. "));
        javafx.scene.control.TextField search = robot.lookup("#search").queryAs(javafx.scene.control.TextField.class);
        assertTrue(FxRead.on(robot, () -> search.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                .equals("danger"))), "the field is marked");
        robot.interact(search::clear);
        assertFalse(FxRead.on(robot, problem::isVisible), "the reason goes with the text");
        assertTrue(FxRead.on(robot, () -> search.getPseudoClassStates().stream().noneMatch(p -> p.getPseudoClassName()
                .equals("danger")) && search.getTooltip() == null), "the mark and the tooltip too");
    }

    /** Defect 7 (first part): Polygon with no key is refused in the dialog, in its own words, not accepted. */
    @Test
    void polygonWithoutAKeyIsRefusedInTheDialog(FxRobot robot) {
        String fromEnvironment = System.getenv(Polygon.ENV_KEY);
        org.junit.jupiter.api.Assumptions.assumeTrue(fromEnvironment == null || fromEnvironment.isBlank());
        robot.interact(() -> SettingsDialog.show(view.getScene().getWindow(), model));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<MarketProvider> provider = robot.lookup("#providerChoice")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> {
            provider.setValue(Providers.POLYGON);
            robot.lookup("#apiKey").queryAs(javafx.scene.control.TextField.class).setText("");
        });
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) provider.getScene().getRoot();
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        assertEquals("API key: Polygon.io (real time) needs your API key (polygon.io, Dashboard, API Keys). Paste it"
                + " above, or choose the simulated market.", robot.lookup("#settingsProblem")
                .queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(FxRead.on(robot, () -> pane.getScene().getWindow().isShowing()), "the dialog stays open");
        assertFalse(config.get(SettingsInput.PROVIDER).map("polygon"::equals).orElse(false),
                "nothing saved");
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
    }

    /** Each provider's key and fields are its own: switching providers shows and keeps them, OK saves each entry. */
    @Test
    void theDialogKeepsEachProvidersKeyAndFieldsInTheirOwnEntries(FxRobot robot) {
        config.set(Polygon.KEY, "polygon-key-1");
        config.set(Alpaca.KEY, "alpaca-id-1");
        config.set(Alpaca.SECRET, "alpaca-secret-1");
        config.set(LocalTapewatch.KEY, "local-key-1");
        robot.interact(() -> SettingsDialog.show(view.getScene().getWindow(), model));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<MarketProvider> provider = robot.lookup("#providerChoice")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        javafx.scene.control.TextField key = robot.lookup("#apiKey").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField secret = robot.lookup("#alpacaSecret")
                .queryAs(javafx.scene.control.TextField.class);
        javafx.scene.Node feed = robot.lookup("#alpacaFeed").query();
        assertEquals(Providers.SIMULATOR, provider.getValue(), "nothing saved yet: the simulator");
        assertTrue(key.isDisabled() && key.getText().isEmpty(), "the simulator needs no key");
        assertTrue(secret.isDisabled() && feed.isDisabled(), "Alpaca's own fields wait for Alpaca");
        robot.interact(() -> provider.setValue(Providers.ALPACA));
        assertEquals("alpaca-id-1", key.getText());
        assertFalse(key.isDisabled() || secret.isDisabled() || feed.isDisabled());
        assertEquals("alpaca-secret-1", secret.getText());
        robot.interact(() -> {
            key.setText("alpaca-id-2");
            provider.setValue(Providers.POLYGON);
        });
        assertEquals("polygon-key-1", key.getText());
        assertTrue(secret.isDisabled());
        robot.interact(() -> provider.setValue(Providers.LOCAL));
        assertEquals("local-key-1", key.getText());
        robot.interact(() -> provider.setValue(Providers.ALPACA));
        assertEquals("alpaca-id-2", key.getText(), "the key typed for Alpaca was kept");
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) provider.getScene().getRoot();
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        assertEquals("alpaca", config.get(SettingsInput.PROVIDER).orElseThrow());
        assertEquals("alpaca-id-2", config.get(Alpaca.KEY).orElseThrow());
        assertEquals("alpaca-secret-1", config.get(Alpaca.SECRET).orElseThrow());
        assertEquals("iex", config.get(Alpaca.FEED).orElseThrow());
        assertEquals("polygon-key-1", config.get(Polygon.KEY).orElseThrow());
        assertEquals("local-key-1", config.get(LocalTapewatch.KEY).orElseThrow());
    }

    /**
     * #27: every refused entry of the window (watchlist search, Settings, rules, movers filters, the study's days) is
     * said in one style, the theme's danger colour (not grey), and one wording: "Field: what is wrong. What to do."
     */
    @Test
    void everyRefusedEntryIsSaidInTheDangerColourAndOneWording(FxRobot robot) {
        List<javafx.scene.control.Label> shown = new java.util.ArrayList<>();
        robot.clickOn("#search").write("$$$").type(KeyCode.ENTER);
        shown.add(robot.lookup("#searchProblem").queryAs(javafx.scene.control.Label.class));
        robot.interact(() -> {
            view.showAlerts();
            robot.lookup("#alertRules").queryAs(javafx.scene.control.TextArea.class).setText("SPY crosses 1");
        });
        AlertsViewTest.scrollToRules(robot);
        robot.clickOn("#alertRulesApply");
        shown.add(robot.lookup("#alertRulesProblem").queryAs(javafx.scene.control.Label.class));
        robot.interact(() -> view.showTab("moversTab"));
        robot.interact(() -> robot.lookup("#moversMinPrice").queryAs(javafx.scene.control.TextField.class).setText("5x"));
        shown.add(robot.lookup("#moversFilterProblem").queryAs(javafx.scene.control.Label.class));
        robot.interact(() -> view.showTab("spikesTab"));
        robot.clickOn("#studyOpenButton");
        robot.interact(() -> {
            robot.lookup("#studyFrom").queryAs(javafx.scene.control.DatePicker.class).setValue(LIVE_DAY);
            robot.lookup("#studyTo").queryAs(javafx.scene.control.DatePicker.class).setValue(STORED_DAY);
            robot.lookup("#studyButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        shown.add(robot.lookup("#studyProblem").queryAs(javafx.scene.control.Label.class));
        robot.interact(() -> SettingsDialog.show(view.getScene().getWindow(), model));
        robot.interact(() -> robot.lookup("#detectorWindow").queryAs(javafx.scene.control.TextField.class).setText("abc"));
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) robot.lookup("#detectorWindow").query()
                .getScene().getRoot();
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        shown.add(robot.lookup("#settingsProblem").queryAs(javafx.scene.control.Label.class));
        javafx.scene.paint.Color danger = javafx.scene.paint.Color.web("#f85149"); // Primer dark's -color-danger-fg
        for (javafx.scene.control.Label problem : shown) {
            String text = FxRead.on(robot, problem::getText);
            robot.interact(problem::applyCss);
            assertTrue(FxRead.on(robot, problem::isVisible), problem.getId() + " shown");
            assertTrue(problem.getStyleClass().contains("input-problem"), problem.getId());
            assertEquals(danger, FxRead.on(robot, problem::getTextFill), problem.getId() + " in the danger colour");
            assertTrue(text.matches("[^:.]+: [^ ].*[^.]\\. [A-Z].*\\."), problem.getId() + ": " + text);
        }
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        robot.interact(() -> robot.lookup("#studyView").query().getScene().getWindow().hide());
    }

    /**
     * #27 keyboard-first: F1 (or ? outside a text field) shows every shortcut the window registers, no more and no
     * fewer; a key from the list does what it says; Esc closes the list.
     */
    @Test
    void f1ListsEveryRegisteredShortcutAndTheyWork(FxRobot robot) {
        robot.clickOn(FxRead.centre(robot, view.chart()));
        robot.type(KeyCode.F1);
        javafx.scene.Node help = robot.lookup("#shortcutHelp").query();
        assertTrue(FxRead.on(robot, help::isVisible), "F1 shows the shortcuts");
        List<String> listed = FxRead.on(robot, () -> ((ShortcutHelp) help).listedKeys());
        List<String> registered = FxRead.on(robot, () -> view.getScene().getAccelerators().keySet().stream()
                .map(javafx.scene.input.KeyCombination::getDisplayText).toList());
        assertEquals(new java.util.TreeSet<>(registered), new java.util.TreeSet<>(listed.stream()
                .filter(keys -> !keys.equals("?")).toList()), "the list is what the scene registers");
        assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), "each key once");
        assertEquals(registered.size() + 1, listed.size(), "and ? typed");
        for (String needed : List.of("Ctrl+1", "Ctrl+2", "Ctrl+4", "Ctrl+T", "Ctrl+E", "Ctrl+R", "Ctrl+P", "Ctrl+L",
                "Ctrl+Shift+A", "Ctrl+Shift+C", "Ctrl+Shift+V", "Ctrl+Shift+M", "Ctrl+Shift+F", "Alt+W", "Alt+S",
                "Alt+A", "Alt+M", "Ctrl+F", "F1", "Escape", "Ctrl+,", "Alt+←")) {
            assertTrue(listed.contains(needed), needed + " in " + listed);
        }

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertEquals(2, FxRead.on(robot, () -> model.layout().countProperty().get()), "Ctrl+2: two charts");
        assertEquals(2, FxRead.on(robot, () -> robot.lookup("#layoutChoice").queryAs(javafx.scene.control.ChoiceBox.class)
                .getValue()), "the layout choice says so");
        ToggleButton vwap = toggle(view.charts().pane(0).controls(), "vwapButton");
        boolean vwapOn = FxRead.on(robot, vwap::isSelected);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.V).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(!vwapOn, FxRead.on(robot, vwap::isSelected), "Ctrl+Shift+V: the first chart's VWAP");
        robot.type(KeyCode.ESCAPE);
        assertFalse(FxRead.on(robot, help::isVisible), "Esc closes the list");

        robot.clickOn(FxRead.centre(robot, view.chart())).write("?");
        assertTrue(FxRead.on(robot, help::isVisible), "? shows it too");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#search").write("?");
        assertFalse(FxRead.on(robot, help::isVisible), "? in a text field is typed, not a shortcut");
        assertEquals("?", robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).getText());
    }
}
