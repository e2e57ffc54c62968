package dev.tapewatch.ui.history;

import static dev.tapewatch.ui.common.StoredDaySession.FROM;
import static dev.tapewatch.ui.common.StoredDaySession.LIVE_DAY;
import static dev.tapewatch.ui.common.StoredDaySession.STORED_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tapewatch.market.Bar;
import dev.tapewatch.ui.common.CurrentThread;
import dev.tapewatch.ui.common.StoredDaySession;
import dev.tapewatch.ui.spikes.SpikesViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's view model on the calling thread: no window, its tasks run where they start. */
class HistoryViewModelTest {
    @TempDir
    static Path dir;
    private static StoredDaySession fixture;

    private final CurrentThread.Tasks tasks = new CurrentThread.Tasks();
    private final SpikesViewModel spikes = new SpikesViewModel();
    private final List<String> told = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new StoredDaySession(dir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    private HistoryViewModel history;

    @BeforeEach
    void history() {
        history = new HistoryViewModel(() -> fixture.session, new SimpleStringProperty("SPY"), spikes, tasks, told::add);
    }

    @Test
    void aStoredDayLoadsWholeAndItsDaysAreListed() throws Exception {
        CurrentThread.onFxThread(history::listDays);
        CurrentThread.onFxThread(() -> {
            assertEquals((long) fixture.stored.get("SPY").size(), history.storedDaysProperty().get().get(STORED_DAY));
            assertEquals("Day (history)", history.hintProperty().get());
        });
        CurrentThread.onFxThread(() -> history.loadDay(STORED_DAY));
        CurrentThread.onFxThread(() -> {
            assertEquals(HistoryViewModel.Mode.HISTORY, history.modeProperty().get());
            assertEquals(fixture.stored.get("SPY"), history.dayProperty().get().bars());
            assertEquals(history.dayProperty().get().spikes(), List.copyOf(spikes.spikes()));
            assertNull(history.emptyDayProperty().get());
            assertEquals(List.of(), tasks.failures);
            history.goLive();
            assertEquals(HistoryViewModel.Mode.LIVE, history.modeProperty().get());
            assertNull(history.dayProperty().get());
        });
    }

    @Test
    void aSelectionAddsUpItsSecondsAndExportsExactlyThose() throws Exception {
        Path target = Files.createTempDirectory(dir, "export").resolve("selection.csv");
        javafx.concurrent.Task<?>[] exported = new javafx.concurrent.Task<?>[1];
        CurrentThread.onFxThread(() -> history.loadDay(STORED_DAY));
        CurrentThread.onFxThread(() -> {
            List<Bar> day = history.dayProperty().get().bars();
            history.select(FROM + 60_500, FROM + 1_200, day); // dragged right to left, mid-second at both ends
            List<Bar> covered = day.stream().filter(b -> b.start() >= FROM + 1_000 && b.start() < FROM + 61_000).toList();
            HistoryViewModel.Selection selection = history.selectionProperty().get();
            assertEquals(FROM + 1_000, selection.from());
            assertEquals(FROM + 61_000, selection.to());
            assertEquals(covered.size(), selection.bars());
            assertEquals(covered.stream().mapToDouble(Bar::volume).sum(), selection.volume(), 1e-9);
            assertEquals(covered.get(0).open(), selection.open());
            assertEquals(covered.get(covered.size() - 1).close(), selection.close());
            assertEquals("SPY_2024-01-02_100001-100101.csv", history.suggestedExportName());
            exported[0] = history.exportSelection(target);
        });
        CurrentThread.onFxThread(() -> {
            int bars = history.selectionProperty().get().bars();
            assertEquals((long) bars, exported[0].getValue());
            assertEquals(bars + 1, Files.readAllLines(target).size()); // a header, then a row a second
            assertEquals(List.of(String.format("Exported %,d bars of SPY to %s", bars, target)), told);
        });
    }

    @Test
    void steppingBackFromLiveShowsTheSessionBeforeTodaysAndForwardComesBackToToday() throws Exception {
        CurrentThread.onFxThread(() -> {
            history.goLive();
            history.stepDay(-1);
        });
        assertEquals(STORED_DAY, history.dayProperty().get().day());
        CurrentThread.onFxThread(() -> history.stepDay(+1));
        assertEquals(LIVE_DAY, history.dayProperty().get().day(), "today's stored seconds, as a day");
        CurrentThread.onFxThread(() -> history.stepDay(-1));
        assertEquals(STORED_DAY, history.dayProperty().get().day());
        assertEquals(List.of(), tasks.failures);
    }

    @Test
    void anEmptyDaySaysSoAndWhy() throws Exception {
        CurrentThread.onFxThread(() -> history.loadDay(LocalDate.of(2024, 1, 6)));
        CurrentThread.onFxThread(() -> {
            assertEquals(List.of(), history.dayProperty().get().bars());
            assertEquals("No bars of SPY stored on 2024-01-06 (Saturday): the market is closed at weekends",
                    history.emptyDayProperty().get());
        });
    }
}
