package dev.tapewatch.ui.history;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimClock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A replay of a stored day shown in place of the live session: whether one runs, its speed, pause, and a line
 * saying where it is. The session swap itself is {@link MainViewModel}'s. FX thread only; the clock's pace
 * changes are quick and never wait on I/O.
 */
public final class ReplayViewModel {
    /** Speeds offered, in simulated seconds per second. */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(10.0);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private SimClock clock;
    private LocalDate day;

    public ReplayViewModel() {
        speed.addListener((o, was, now) -> {
            if (clock != null && now != null) {
                clock.speed(now);
            }
        });
    }

    public void started(SimClock replayClock, LocalDate replayed) {
        clock = replayClock;
        day = replayed;
        paused.set(false);
        active.set(true);
    }

    public void stopped() {
        clock = null;
        day = null;
        active.set(false);
        paused.set(false);
        state.set("");
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
}
