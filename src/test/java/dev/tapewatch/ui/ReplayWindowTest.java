package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.Providers;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetectors;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.ui.chart.ChartSnapshot;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.history.HistoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Replaying a stored day as a trader does (#27, defect 6): the day up to the replay point shows at once with its
 * true levels, the replay starts where the user looks, and it can be moved to another time. The real simulator,
 * store and websocket, headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate PREVIOUS_DAY = LocalDate.of(2024, 1, 2);
    /** SPY from 04:00 to 11:30: its high of the day (474.74) is at 06:00, far above the morning's prices. */
    private static final LocalDate STORED_DAY = LocalDate.of(2024, 1, 3);
    private static final LocalDate LIVE_DAY = LocalDate.of(2024, 1, 4);

    private MainViewModel model;
    private MainView view;
    private List<Bar> stored;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = TempFolders.create("tapewatch-replay");
        StoreLocation database = StoreLocation.ofFile(dir.resolve("db"));
        stored = new SimulatedMarket(9).day("SPY", STORED_DAY).bars(at(STORED_DAY, 4, 0), at(STORED_DAY, 11, 30));
        try (BarStore store = BarStore.open(database, BarStore.Mode.CREATE)) {
            store.upsert(new SimulatedMarket(9).day("SPY", PREVIOUS_DAY).bars(at(PREVIOUS_DAY, 15, 45),
                    at(PREVIOUS_DAY, 16, 0)));
            store.addCoverage(List.of("SPY"), at(PREVIOUS_DAY, 15, 45), at(PREVIOUS_DAY, 16, 0), "stopped");
            store.upsert(stored);
            store.addCoverage(List.of("SPY"), at(STORED_DAY, 4, 0), at(STORED_DAY, 11, 30), "stopped");
        }
        FeedSettings feed = Providers.simulator(SimulatorSettings.builder().seed(9)
                .start(at(LIVE_DAY, 10, 0)).speed(20).build());
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        TestWindows.quiet(config);
        model = new MainViewModel(config, () -> new LiveSession.Settings(feed, database, DetectorSettings.DEFAULT,
                List.of("SPY")));
        view = new MainView(model);
        TestWindows.show(stage, view);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        TestWindows.close(robot, view, model);
    }

    private static long at(LocalDate day, int hour, int minute) {
        return ExchangeTime.toEpochMillis(day, LocalTime.of(hour, minute));
    }

    private void startLive(FxRobot robot) {
        model.start();
        Await.until(WAIT, "the live session", () -> FxRead.on(robot, () -> model.history().modeProperty().get())
                == HistoryViewModel.Mode.LIVE);
    }

    /** Selects five minutes from {@code from} and replays from there. */
    private LiveSession replaySelected(FxRobot robot, long from) {
        robot.interact(() -> model.history().select(from, from + 300_000, view.chart().shownBars()));
        robot.clickOn("#replayButton");
        return replayFrom(robot, firstStoredFrom(from));
    }

    private void showStoredDay(FxRobot robot) {
        robot.interact(() -> robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(STORED_DAY));
        Await.until(WAIT, "the stored day", () -> FxRead.on(robot, () -> view.chart().shownBars().size())
                == stored.size());
    }

    /** The stored day over the whole view (a snapshot's range could be lost, leaving the live day's axis). */
    private void showWholeStoredDay(FxRobot robot) {
        showStoredDay(robot);
        Await.until(WAIT, "the stored day, whole", () -> FxRead.on(robot, () -> view.chart().visibleFrom()
                == stored.get(0).start()), () -> FxRead.on(robot, () -> "the view from " + ExchangeTime
                .localDateTime(view.chart().visibleFrom()) + " to " + ExchangeTime.localDateTime(view.chart()
                .visibleTo())));
    }

    /** The replay shown, once it has started from {@code first} (the first stored second at or after the time asked). */
    private LiveSession replayFrom(FxRobot robot, long first) {
        Await.until(WAIT, "a replay from " + ExchangeTime.localDateTime(first), () -> FxRead.on(robot, () -> {
            LiveSession shown = model.sessionProperty().get();
            return model.replay().activeProperty().get() && shown.replayClock() != null
                    && shown.replayClock().start() == first;
        }), () -> FxRead.on(robot, () -> {
            LiveSession shown = model.sessionProperty().get();
            return (shown == null || shown.replayClock() == null ? "no replay" : "a replay from "
                    + ExchangeTime.localDateTime(shown.replayClock().start()))
                    + (model.status().errorProperty().get() == null ? "" : "; " + model.status().errorProperty().get());
        }));
        return FxRead.on(robot, () -> model.sessionProperty().get());
    }

    private long firstStoredFrom(long time) {
        return stored.stream().mapToLong(Bar::start).filter(start -> start >= time).findFirst().orElseThrow();
    }

    private List<Bar> storedBefore(long time) {
        return stored.stream().filter(bar -> bar.start() < time).toList();
    }

    /** Defect 6: a replay shows the day up to its start at once, and the day's levels, VWAP and change are the day's. */
    @Test
    void aReplayShowsTheDayUpToItsStartWithTheDaysLevels(FxRobot robot) {
        startLive(robot);
        showStoredDay(robot);
        long from = at(STORED_DAY, 10, 30);
        LiveSession replay = replaySelected(robot, from);
        Await.until(WAIT, "replayed seconds on the chart", () -> FxRead.on(robot, () -> {
            ChartSnapshot shown = view.chart().shown();
            return shown != null && !shown.seconds().isEmpty()
                    && shown.seconds().get(shown.seconds().size() - 1).start() >= from + 5_000;
        }));
        robot.clickOn("#replayPause");
        Await.until(WAIT, "the chart still", () -> FxRead.on(robot, () -> {
            ChartSnapshot shown = view.chart().shown();
            List<Bar> series = replay.series().bars("SPY", 0, Long.MAX_VALUE);
            return shown.seconds().get(shown.seconds().size() - 1).equals(series.get(series.size() - 1));
        }));
        ChartSnapshot shown = FxRead.on(robot, () -> view.chart().shown());
        long newest = shown.seconds().get(shown.seconds().size() - 1).start();
        List<Bar> sofar = stored.stream().filter(bar -> bar.start() <= newest).toList();
        double high = sofar.stream().mapToDouble(Bar::high).max().orElseThrow();
        double low = sofar.stream().mapToDouble(Bar::low).min().orElseThrow();
        assertEquals(474.74, high, 1e-9, "the day's high so far lies before the replay's start");
        assertEquals(high, shown.levels().high(), 0, "the day's high so far, not the replay's");
        assertEquals(low, shown.levels().low(), 0, "the day's low so far");
        double priced = 0;
        double volume = 0;
        for (Bar bar : sofar) {
            if (bar.start() >= at(STORED_DAY, 9, 30)) {
                priced += bar.vwap() * bar.volume();
                volume += bar.volume();
            }
        }
        assertEquals(priced / volume, shown.vwap()[shown.vwap().length - 1], 1e-9, "VWAP from the regular open");
        assertEquals(stored.get(0), shown.seconds().get(0), "the day shown from its first second");
        assertEquals(sofar.stream().map(bar -> bar.withSource(Bar.Source.STREAM)).toList(), replay.series()
                .bars("SPY", 0, Long.MAX_VALUE).stream().map(bar -> bar.withSource(Bar.Source.STREAM)).toList(),
                "every stored second up to the replay's, once");
        List<Bar> previous = new SimulatedMarket(9).day("SPY", PREVIOUS_DAY).bars(at(PREVIOUS_DAY, 15, 45),
                at(PREVIOUS_DAY, 16, 0));
        double previousClose = previous.get(previous.size() - 1).close();
        double last = sofar.get(sofar.size() - 1).close();
        Await.until(WAIT, "the change since the previous close", () -> FxRead.on(robot, () -> Math.abs(
                model.watchlist().rows().get(0).changePercentProperty().get()
                        - (last - previousClose) / previousClose * 100) < 1e-9),
                () -> FxRead.on(robot, () -> model.watchlist().rows().get(0).changePercentProperty().get() + " %"));
    }

    /** Waits for the chart to show the day up to (not including) {@code time}. */
    private void chartUpTo(FxRobot robot, long time) {
        long newest = storedBefore(time).get(storedBefore(time).size() - 1).start();
        Await.until(WAIT, "the chart up to " + ExchangeTime.localDateTime(time), () -> FxRead.on(robot, () -> {
            ChartSnapshot shown = view.chart().shown();
            return shown != null && shown.seconds().get(shown.seconds().size() - 1).start() == newest;
        }));
    }

    /** Defect 6: with no selection a replay starts at the regular open over the whole day, else at the view's left edge. */
    @Test
    void aReplayStartsWhereTheUserLooks(FxRobot robot) {
        startLive(robot);
        showWholeStoredDay(robot);
        robot.clickOn("#replayButton");
        replayFrom(robot, firstStoredFrom(at(STORED_DAY, 9, 30)));

        robot.clickOn("#liveButton");
        Await.until(WAIT, "live again", () -> FxRead.on(robot, () -> !model.replay().activeProperty().get()));
        showWholeStoredDay(robot);
        robot.interact(() -> view.chart().range(at(STORED_DAY, 10, 40), at(STORED_DAY, 10, 50)));
        robot.clickOn("#replayButton");
        replayFrom(robot, firstStoredFrom(at(STORED_DAY, 10, 40)));
    }

    /** Defect 6: a typed time or Alt+Shift+Right moves the replay; chart, detector and spikes are those of that moment. */
    @Test
    void aReplayMovesToATimeTypedOrAMinuteOnAndStaysPaused(FxRobot robot) {
        startLive(robot);
        showStoredDay(robot);
        LiveSession first = replaySelected(robot, at(STORED_DAY, 10, 0));
        robot.clickOn("#replayPause");

        robot.clickOn("#replayTime").write("10:45").type(KeyCode.ENTER);
        long seek = at(STORED_DAY, 10, 45);
        LiveSession moved = replayFrom(robot, firstStoredFrom(seek));
        assertTrue(moved != first, "a replay of its own from there");
        assertTrue(FxRead.on(robot, () -> robot.lookup("#replayPause").queryAs(ToggleButton.class).isSelected()
                && model.replay().pausedProperty().get()), "still paused");
        Await.until(WAIT, "the state line", () -> FxRead.on(robot, () -> robot.lookup("#replayState")
                .queryAs(Label.class).getText()).equals("Replay of " + STORED_DAY + ", paused at 10:45:00"));
        assertEquals(storedBefore(seek).stream().map(bar -> bar.withSource(Bar.Source.STREAM)).toList(),
                moved.series().bars("SPY", 0, Long.MAX_VALUE).stream().map(bar -> bar.withSource(Bar.Source.STREAM))
                        .toList(), "the day up to 10:45, nothing after");
        List<Spike> closed = new ArrayList<>();
        new SpikeDetectors(DetectorSettings.DEFAULT, closed::add).accept(storedBefore(seek));
        assertTrue(!closed.isEmpty(), "spikes before 10:45");
        Await.until(WAIT, "the spikes that had closed by 10:45", () -> FxRead.on(robot, () -> List.copyOf(
                model.spikes().spikes())).equals(closed), () -> FxRead.on(robot, () -> model.spikes().spikes()
                .toString()) + " against " + closed);
        chartUpTo(robot, seek);

        robot.clickOn(FxRead.centre(robot, view.chart())).press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.RIGHT)
                .release(KeyCode.SHIFT, KeyCode.ALT);
        LiveSession minuteOn = replayFrom(robot, firstStoredFrom(seek + 60_000));
        assertEquals(storedBefore(seek + 60_000).size(), minuteOn.series().bars("SPY", 0, Long.MAX_VALUE).size());
        chartUpTo(robot, seek + 60_000);
        robot.clickOn("#replayPause");
        Await.until(WAIT, "the replay going on from 10:46", () -> minuteOn.series().bars("SPY", 0, Long.MAX_VALUE)
                .size() > storedBefore(seek + 60_000).size() + 3);
    }
}
