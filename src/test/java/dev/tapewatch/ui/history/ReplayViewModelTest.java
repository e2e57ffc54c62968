package dev.tapewatch.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimClock;
import dev.tapewatch.ui.common.DayData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a replay starts and where it is moved to; no window, no session. */
class ReplayViewModelTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 3);

    private static long at(int hour, int minute) {
        return ExchangeTime.toEpochMillis(DAY, LocalTime.of(hour, minute));
    }

    private static DayData day(long from, long to) {
        List<Bar> bars = new ArrayList<>();
        for (long t = from; t < to; t += 60_000) {
            bars.add(Bar.of("SPY", t, t + 1000, 470, 470.1, 469.9, 470, 100, 470));
        }
        return new DayData("SPY", DAY, bars, List.of(), List.of(), List.of());
    }

    @Test
    void aReplayStartsAtTheSelectionElseTheViewsLeftEdgeElseTheOpen() {
        DayData day = day(at(4, 0), at(20, 0));
        long first = at(4, 0);
        long end = at(19, 59) + 1000;
        HistoryViewModel.Selection selected = new HistoryViewModel.Selection("SPY", at(10, 12), at(10, 15), 3, 300,
                470, 470.1, 469.9, 470, 470);
        assertEquals(at(10, 12), ReplayViewModel.startOf(day, selected, first, end), "the selection's start");
        assertEquals(at(11, 5), ReplayViewModel.startOf(day, null, at(11, 5), at(11, 35)), "zoomed in");
        assertEquals(at(4, 0), ReplayViewModel.startOf(day, null, first, at(8, 0)), "zoomed in at the day's start");
        assertEquals(at(15, 0), ReplayViewModel.startOf(day, null, at(15, 0), end + 3_600_000), "panned past its end");
        assertEquals(at(9, 30), ReplayViewModel.startOf(day, null, first, end), "the whole day: the open");
        assertEquals(at(9, 30), ReplayViewModel.startOf(day, null, first - 60_000, end + 60_000), "and a little more");
        DayData early = day(at(4, 0), at(9, 0));
        assertEquals(ExchangeTime.startOfDay(DAY), ReplayViewModel.startOf(early, null, first, at(8, 59) + 1000),
                "only pre-market stored: from its first second");
    }

    @Test
    void aTypedTimeOrAMinuteOnRestartsTheReplayedDayThere() {
        List<Long> asked = new ArrayList<>();
        ReplayViewModel replay = new ReplayViewModel((day, from) -> {
            assertEquals(DAY, day);
            asked.add(from);
        });
        replay.moveTo("10:45");
        assertEquals(List.of(), asked, "no replay, nothing to move");
        SimClock clock = new SimClock(at(10, 0), 10);
        clock.pause();
        clock.restart(); // paused at 10:00 exactly: the clock ran at 10x until the pause, 1 ms on a busy machine
        replay.started(clock, DAY);
        replay.moveTo(" 9:31 ");
        replay.moveTo("10:45:30");
        replay.skip(60_000);
        replay.skip(-60_000);
        assertEquals(List.of(at(9, 31), at(10, 45) + 30_000, at(10, 1), at(9, 59)), asked);
        replay.moveTo("quarter to eleven");
        assertEquals("'quarter to eleven' is not a time of the day: type it as 10:45 or 10:45:30",
                replay.timeProblemProperty().get());
        assertEquals(4, asked.size());
        replay.clearTimeProblem();
        assertNull(replay.timeProblemProperty().get());
    }
}
