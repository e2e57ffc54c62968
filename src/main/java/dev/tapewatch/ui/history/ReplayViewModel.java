package dev.tapewatch.ui.history;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimClock;
import dev.tapewatch.ui.common.DayData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A replay of a stored day shown in place of the live session: whether one runs, where it starts, its speed,
 * pause, moving it to another time, and a line saying where it is. The session swap itself is the window's
 * ({@code start}: a replay of that day from that time, in place of the one shown). FX thread only; the clock's
 * pace changes are quick and never wait on I/O.
 */
public final class ReplayViewModel {
    /** Speeds offered, in simulated seconds per second. */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("H:mm[:ss]");
    /** A view this close to the day's first and last second shows the whole day. */
    private static final long WHOLE_DAY_SLACK_MS = 1_000;

    private final BiConsumer<LocalDate, Long> start;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(10.0);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeProblem = new ReadOnlyStringWrapper();
    private SimClock clock;
    private LocalDate day;

    public ReplayViewModel(BiConsumer<LocalDate, Long> start) {
        this.start = start;
        speed.addListener((o, was, now) -> {
            if (clock != null && now != null) {
                clock.speed(now);
            }
        });
    }

    /**
     * Where a replay of the shown day starts: the selection's start; else the left edge of the view when the user
     * has zoomed or panned into the day; else, over the whole day, the regular open (the day's first second when
     * nothing is stored from the open on).
     */
    public static long startOf(DayData shown, HistoryViewModel.Selection selection, long visibleFrom, long visibleTo) {
        long dayStart = ExchangeTime.startOfDay(shown.day());
        if (selection != null) {
            return Math.max(selection.from(), dayStart);
        }
        List<Bar> bars = shown.bars();
        boolean wholeDay = bars.isEmpty() || visibleFrom <= bars.get(0).start() + WHOLE_DAY_SLACK_MS
                && visibleTo >= bars.get(bars.size() - 1).end() - WHOLE_DAY_SLACK_MS;
        if (!wholeDay) {
            return Math.max(visibleFrom, dayStart);
        }
        long open = ExchangeTime.toEpochMillis(shown.day(), ExchangeTime.REGULAR_OPEN);
        return bars.isEmpty() || bars.get(bars.size() - 1).start() >= open ? open : dayStart;
    }

    /** Plays the replayed day from another time (typed "10:45" or "10:45:30"); a time that does not read is said. */
    public void moveTo(String typed) {
        if (day == null) {
            return;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(typed.trim(), TYPED);
        } catch (DateTimeParseException e) {
            timeProblem.set("'" + typed.trim() + "' is not a time of the day: type it as 10:45 or 10:45:30");
            return;
        }
        timeProblem.set(null);
        start.accept(day, ExchangeTime.toEpochMillis(day, time));
    }

    /** Plays the replayed day from this much later (or earlier, below 0) than where it stands. */
    public void skip(long millis) {
        if (day != null) {
            start.accept(day, Math.max(ExchangeTime.startOfDay(day), clock.now() + millis));
        }
    }

    public void clearTimeProblem() {
        timeProblem.set(null);
    }

    /** A replay from a new time starts paused when the one it replaces was. */
    public void started(SimClock replayClock, LocalDate replayed) {
        clock = replayClock;
        day = replayed;
        if (paused.get()) {
            replayClock.pause();
        }
        active.set(true);
    }

    public void stopped() {
        clock = null;
        day = null;
        active.set(false);
        paused.set(false);
        state.set("");
        timeProblem.set(null);
    }

    /** Pauses or resumes the replay's market clock: bars stop and go on from where they were. */
    public void pause(boolean value) {
        if (clock == null) {
            return;
        }
        if (value) {
            clock.pause();
        } else {
            clock.resume();
        }
        paused.set(value);
    }

    /** FX thread, with the pulse: the replayed day and time. */
    public void refresh() {
        if (clock != null) {
            String speedText = speed.get() == Math.rint(speed.get()) ? Long.toString(speed.get().longValue())
                    : speed.get().toString();
            state.set("Replay of " + day + (paused.get() ? ", paused at " : " at " + speedText + "×: ")
                    + CLOCK.format(ExchangeTime.localDateTime(clock.now())));
        }
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why a typed time was not taken, or null. */
    public ReadOnlyStringProperty timeProblemProperty() {
        return timeProblem.getReadOnlyProperty();
    }
}
