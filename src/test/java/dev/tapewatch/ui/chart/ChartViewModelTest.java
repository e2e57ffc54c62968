package dev.tapewatch.ui.chart;

import static dev.tapewatch.ui.common.StoredDaySession.STORED_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tapewatch.app.LiveSession;
import dev.tapewatch.market.Bar;
import dev.tapewatch.ui.common.CurrentThread;
import dev.tapewatch.ui.common.StoredDaySession;
import dev.tapewatch.ui.history.HistoryViewModel;
import dev.tapewatch.ui.spikes.SpikesViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's view model with its feeder, look-ups and FX hand-over on the calling thread: each snapshot it
 * publishes is read as published, and the feeder ticks when the test says.
 */
class ChartViewModelTest {
    @TempDir
    static Path dir;
    private static StoredDaySession fixture;

    @BeforeAll
    static void start() {
        fixture = new StoredDaySession(dir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    /** What a chart was given: every snapshot and every move of its visible range. */
    private static final class Shown implements ChartViewModel.Sink {
        final List<ChartSnapshot> snapshots = new ArrayList<>();
        final List<long[]> follows = new ArrayList<>();

        @Override
        public void show(ChartSnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void follow(long from, long to) {
            follows.add(new long[] {from, to});
        }

        ChartSnapshot last() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    private final SimpleObjectProperty<LiveSession> session = new SimpleObjectProperty<>();
    private final SimpleStringProperty selected = new SimpleStringProperty("SPY");
    private final CurrentThread.Tasks tasks = new CurrentThread.Tasks();
    private final SpikesViewModel spikes = new SpikesViewModel();

    private ChartViewModel chart(SimpleStringProperty symbol, boolean ownSymbol, HistoryViewModel history,
                                 CurrentThread.Scheduler feeder, Shown shown) {
        ChartViewModel chart = new ChartViewModel(session, symbol, history, spikes, ownSymbol,
                new ChartViewModel.Workers(feeder, new CurrentThread.Scheduler(), Runnable::run));
        chart.attach(shown);
        return chart;
    }

    @Test
    void aStoredDayIsOneSnapshotAtTheChosenStep() throws Exception {
        HistoryViewModel history = new HistoryViewModel(session::get, selected, spikes, tasks, told -> { });
        Shown spy = new Shown();
        Shown aapl = new Shown();
        ChartViewModel[] charts = new ChartViewModel[2];
        CurrentThread.onFxThread(() -> {
            charts[0] = chart(selected, false, history, new CurrentThread.Scheduler(), spy);
            charts[1] = chart(new SimpleStringProperty("AAPL"), true, history, new CurrentThread.Scheduler(), aapl);
            charts[0].viewport(Double.NaN, 3_000); // 3,000 px for 15 minutes: a second is 3 px, its own candle
            session.set(fixture.session);
            history.loadDay(STORED_DAY);
        });
        List<Bar> stored = fixture.stored.get("SPY");
        ChartSnapshot day = spy.last();
        assertEquals("SPY", day.symbol());
        assertEquals(1, day.step());
        assertEquals(stored, day.seconds());
        assertEquals(stored.size(), day.candles().size());
        assertNotNull(day.range(), "a day first shown brings its time range");
        // the second chart has a symbol of its own: it reads its own bars of the day
        assertEquals("AAPL", aapl.last().symbol());
        assertEquals(fixture.stored.get("AAPL"), aapl.last().seconds());

        CurrentThread.onFxThread(() -> charts[0].step("1 min"));
        ChartSnapshot minutes = spy.last();
        assertEquals(60, minutes.step());
        assertEquals(stored.stream().map(bar -> Math.floorDiv(bar.start(), 60_000)).distinct().count(),
                minutes.candles().size());
        assertEquals(stored.stream().mapToDouble(Bar::volume).sum(),
                minutes.candles().stream().mapToDouble(Bar::volume).sum(), 1e-6);
        assertNull(minutes.range(), "a new step keeps the zoom");
        assertEquals("", charts[0].stepInUseProperty().get(), "the chosen step is drawn: nothing to add");
        CurrentThread.onFxThread(() -> charts[0].step("1 s"));
        assertEquals(1, spy.last().step());
        CurrentThread.onFxThread(() -> charts[0].viewport(1.0, 3_000)); // zoomed out: 1 s candles would be 1 px
        assertEquals("5 s: 1 s too thin", charts[0].stepInUseProperty().get());
        assertEquals(5, spy.last().step());
        assertEquals(List.of(), tasks.failures);
        CurrentThread.onFxThread(() -> List.of(charts).forEach(ChartViewModel::close));
    }

    @Test
    void liveTheFeederPublishesAtItsTickAndFollowsTheWindowInWholeSeconds() throws Exception {
        CurrentThread.onFxThread(() -> {
            HistoryViewModel history = new HistoryViewModel(session::get, selected, spikes, tasks, told -> { });
            CurrentThread.Scheduler feeder = new CurrentThread.Scheduler();
            Shown shown = new Shown();
            ChartViewModel chart = chart(selected, false, history, feeder, shown);
            session.set(fixture.session);
            history.live();
            assertEquals(0, shown.snapshots.size(), "nothing before the feeder's tick");

            chart.window("15 min");
            feeder.tick();
            assertEquals(1, shown.snapshots.size());
            assertEquals("SPY", shown.last().symbol());
            assertEquals(1, shown.follows.size());
            long[] window = shown.follows.get(0);
            assertEquals(900_000, window[1] - window[0]);
            assertEquals(0, window[1] % 1000, "the window moves in whole seconds");

            chart.following(false); // the trader panned away: the range stays where it is
            feeder.tick();
            assertEquals(1, shown.follows.size());
            chart.close();
            feeder.tick();
            assertEquals(2, shown.snapshots.size(), "a closed chart's feeder does not run");
        });
    }
}
