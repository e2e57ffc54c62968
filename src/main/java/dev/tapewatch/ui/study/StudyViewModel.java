package dev.tapewatch.ui.study;

import dev.tapewatch.app.Threads;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.study.AveragePath;
import dev.tapewatch.study.SpikePath;
import dev.tapewatch.study.SpikeStudy;
import dev.tapewatch.ui.common.InputProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Study view's state: a date range and a minimum score in, the typical path after spikes per kind and the
 * spikes' own paths out. The study reads the database on a thread of its own; results reach the view as one
 * snapshot through {@code fx} (the FX thread's executor in the window, the caller's thread in tests), and a
 * newer run's snapshot supersedes an older one still being computed. Properties change only through {@code fx}.
 */
public final class StudyViewModel implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What one run found: the typical path per kind and every spike's path, in time order. */
    public record Snapshot(List<AveragePath> averages, List<SpikePath> spikes, int withoutReference) {
        static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), 0);
    }

    private final Supplier<BarStore> store;
    private final Executor fx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.named("study"));
    private final AtomicInteger generation = new AtomicInteger();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final DoubleProperty minScore = new SimpleDoubleProperty(0);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(Snapshot.EMPTY);
    private final ReadOnlyObjectWrapper<SpikePath> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose days and press Study.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    /** {@code store} answers the database to read (null while there is none). */
    public StudyViewModel(Supplier<BarStore> store, Executor fx, LocalDate today) {
        this.store = store;
        this.fx = fx;
        from.set(today.minusDays(7));
        to.set(today);
    }

    /** Studies the chosen days in the background; a run still going is superseded. */
    public void run() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null || last.isBefore(first)) {
            problem.set(InputProblem.of("Days", first == null || last == null ? "the range needs a first and a last day"
                    : "the first day, " + first + ", is after the last, " + last, "Pick a first day on or before the"
                    + " last"));
            return;
        }
        problem.set(null);
        BarStore database = store.get();
        if (database == null) {
            status.set("No database is open yet.");
            return;
        }
        int run = generation.incrementAndGet();
        SpikeStudy.Selection selection = new SpikeStudy.Selection(first, last, Set.of(), Set.of(), minScore.get());
        running.set(true);
        status.set("Studying the spikes of " + first + " to " + last + "…");
        worker.execute(() -> {
            try {
                SpikeStudy.Result result = SpikeStudy.run(database, selection, () -> generation.get() != run);
                Snapshot found = new Snapshot(AveragePath.byKind(result.paths()), result.paths(),
                        result.withoutReference());
                fx.execute(() -> apply(run, found, null));
            } catch (RuntimeException e) {
                fx.execute(() -> apply(run, null, e));
            }
        });
    }

    private void apply(int run, Snapshot found, RuntimeException failure) {
        if (run != generation.get()) {
            return; // a newer run is on its way
        }
        running.set(false);
        if (failure != null) {
            status.set("The study failed: " + failure.getMessage());
            return;
        }
        snapshot.set(found);
        shown.set(null);
        status.set(found.spikes().size() + " spikes" + (found.withoutReference() == 0 ? ""
                : " (" + found.withoutReference() + " with no bar before them that day left out)")
                + "; the line is the median path, the band its middle half.");
    }

    /** Charts one spike's own path over its kind's (null: none). */
    public void show(SpikePath path) {
        shown.set(path);
    }

    /** How the table names a spike's time: its start in the exchange's zone. */
    public static String time(SpikePath path) {
        return TIME.format(ExchangeTime.localDateTime(path.spike().start()));
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public DoubleProperty minScoreProperty() {
        return minScore;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SpikePath> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Why the chosen days were refused, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Stops a run between symbol-days (never an interrupt: it may be inside the database). */
    @Override
    public void close() {
        generation.incrementAndGet();
        worker.shutdown();
    }
}
