package dev.tapewatch.ui.history;

import dev.tapewatch.app.Audit;
import dev.tapewatch.app.History;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.export.CsvExport;
import dev.tapewatch.lake.ParquetExport;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Rollup;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.store.DayCount;
import dev.tapewatch.ui.common.DayData;
import dev.tapewatch.ui.common.TaskExecutor;
import dev.tapewatch.ui.spikes.SpikesViewModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

/**
 * What the chart shows (live or a stored day), stored days, the selection and its export, and the audit of a
 * shown day. Loads, exports and audits run on the window's {@link TaskExecutor}.
 */
public final class HistoryViewModel {
    /** What the chart shows: the live stream or a stored day. */
    public enum Mode { STARTING, LIVE, HISTORY }

    /** A chart selection: [from, to) in epoch ms, and what its seconds add up to (NaN prices without bars). */
    public record Selection(String symbol, long from, long to, int bars, double volume, double open, double high,
                            double low, double close, double vwap) {
        /** Close of the last second against open of the first, in percent. */
        public double changePercent() {
            return open > 0 ? (close - open) / open * 100 : Double.NaN;
        }
    }

    /** At most this many stretches of missing seconds go on the chart. */
    private static final int MAX_MISSING_STRETCHES = 200;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Supplier<LiveSession> session;
    private final ReadOnlyStringProperty symbol;
    private final SpikesViewModel spikes;
    private final TaskExecutor tasks;
    private final java.util.function.Consumer<String> exported;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.STARTING);
    private final ReadOnlyObjectWrapper<DayData> day = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Audit.Report> audit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.util.Map<LocalDate, Long>> storedDays =
            new ReadOnlyObjectWrapper<>(java.util.Map.of());
    private final javafx.beans.property.ReadOnlyStringWrapper hint = new javafx.beans.property.ReadOnlyStringWrapper("");

    public HistoryViewModel(Supplier<LiveSession> session, ReadOnlyStringProperty symbol, SpikesViewModel spikes,
                     TaskExecutor tasks, java.util.function.Consumer<String> exported) {
        this.exported = exported;
        this.session = session;
        this.symbol = symbol;
        this.spikes = spikes;
        this.tasks = tasks;
        symbol.addListener((o, was, now) -> {
            selection.set(null);
            listDays();
            if (now != null && mode.get() == Mode.HISTORY && day.get() != null) {
                loadDay(day.get().day());
            }
        });
    }

    public void starting() {
        mode.set(Mode.STARTING);
    }

    /** Reads which days of the selected symbol are stored (for the date picker's marks and the hint). */
    void listDays() {
        LiveSession current = session.get();
        String shown = symbol.get();
        if (current == null || shown == null) {
            return;
        }
        tasks.execute("Could not list the stored days of " + shown, () -> {
            java.util.Map<LocalDate, Long> days = new java.util.TreeMap<>();
            current.store().days(shown).forEach(day -> days.put(day.date(), day.bars()));
            LocalDate today = ExchangeTime.dayOf(current.marketClock().getAsLong());
            tasks.onFxThread(() -> {
                if (shown.equals(symbol.get())) {
                    storedDays.set(java.util.Map.copyOf(days));
                    hint.set(hint(days.keySet(), today));
                }
            });
        });
    }

    /** What the date picker says before a day is picked: whether there is any earlier day to pick. */
    public static String hint(java.util.Set<LocalDate> days, LocalDate today) {
        return days.stream().anyMatch(day -> !day.equals(today)) ? "Day (history)"
                : "No past days yet";
    }

    /** Bars stored per day of the selected symbol. */
    public ReadOnlyObjectProperty<java.util.Map<LocalDate, Long>> storedDaysProperty() {
        return storedDays.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** "No bars of SPY stored on 2024-01-06 (Saturday)" while an empty stored day is shown, else null. */
    public javafx.beans.binding.StringBinding emptyDayProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            DayData shown = day.get();
            if (shown == null || !shown.bars().isEmpty() || mode.get() != Mode.HISTORY) {
                return null;
            }
            String weekday = shown.day().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
                    java.util.Locale.ENGLISH);
            return "No bars of " + shown.symbol() + " stored on " + shown.day() + " (" + weekday + ")"
                    + (ExchangeTime.isWeekday(shown.day()) ? "" : ": the market is closed at weekends");
        }, day, mode);
    }

    // ---- days ----

    /** Loads the selected symbol's stored day in the background; the chart switches when it is ready. */
    public Task<DayData> loadDay(LocalDate date) {
        LiveSession current = session.get();
        String shown = symbol.get();
        if (current == null || shown == null) {
            return null;
        }
        DetectorSettings settings = current.settings().detector(); // the live detector's, so history equals live
        Task<DayData> task = new Task<>() {
            @Override
            protected DayData call() {
                updateMessage("Loading " + shown + " " + date);
                History.Day loaded = History.load(current.store(), shown, date, settings, this::isCancelled);
                return DayData.of(loaded);
            }
        };
        task.setOnSucceeded(event -> {
            mode.set(Mode.HISTORY);
            audit.set(null);
            day.set(task.getValue());
            spikes.show(task.getValue());
            selection.set(null);
        });
        return tasks.run(task, "Could not load " + shown + " " + date);
    }

    /** The stored day before or after the shown one (or today) that has bars of the selected symbol. */
    public void stepDay(int direction) {
        LiveSession current = session.get();
        String shown = symbol.get();
        if (current == null || shown == null) {
            return;
        }
        LocalDate from = day.get() != null && mode.get() == Mode.HISTORY ? day.get().day()
                : ExchangeTime.dayOf(current.marketClock().getAsLong()); // from live: the session before today's
        tasks.execute("Could not list the stored days of " + shown, () -> {
            List<LocalDate> days = current.store().days(shown).stream().map(DayCount::date).toList();
            Optional<LocalDate> next = direction > 0
                    ? days.stream().filter(d -> d.isAfter(from)).findFirst()
                    : days.stream().filter(d -> d.isBefore(from)).reduce((a, b) -> b);
            tasks.onFxThread(() -> next.ifPresent(this::loadDay));
        });
    }

    public void goLive() {
        tasks.cancel();
        audit.set(null);
        day.set(null);
        selection.set(null);
        spikes.showLive();
        mode.set(session.get() == null ? Mode.STARTING : Mode.LIVE);
    }

    // ---- audit ----

    /** Compares the shown day with the provider's REST second bars; missing seconds then show on the chart. */
    public Task<Audit.Report> auditDay() {
        LiveSession current = session.get();
        DayData shown = day.get();
        if (current == null || shown == null || mode.get() != Mode.HISTORY) {
            return null;
        }
        Task<Audit.Report> task = new Task<>() {
            @Override
            protected Audit.Report call() throws Exception {
                updateMessage("Auditing " + shown.symbol() + " " + shown.day() + " against the provider");
                List<Bar> theirs = new ArrayList<>();
                current.history().secondBars(shown.symbol(), ExchangeTime.startOfDay(shown.day()),
                        ExchangeTime.endOfDay(shown.day()), page -> {
                            theirs.addAll(page);
                            updateMessage("Auditing " + shown.symbol() + ": " + theirs.size() + " provider seconds");
                        }, this::isCancelled);
                return isCancelled() ? null : Audit.compare(shown.symbol(), shown.bars(), theirs);
            }
        };
        task.setOnSucceeded(event -> {
            Audit.Report report = task.getValue();
            if (report != null && day.get() == shown) {
                audit.set(report);
                day.set(shown.withMissing(stretches(report.missingHere(), shown.bars())));
            }
        });
        return tasks.run(task, "Could not audit " + shown.symbol() + " " + shown.day());
    }

    /**
     * Missing seconds as stretches for the chart: a stretch runs on over seconds that neither side has (no
     * trades) until the next stored bar, so a quiet name does not become thousands of bands.
     */
    static List<Coverage.Gap> stretches(List<Bar> missing, List<Bar> stored) {
        List<Coverage.Gap> runs = new ArrayList<>();
        int next = 0;
        for (Bar bar : missing) {
            while (next < stored.size() && stored.get(next).start() < bar.start()) {
                next++;
            }
            Coverage.Gap last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            boolean storedBetween = next > 0 && last != null && stored.get(next - 1).start() >= last.end();
            if (last != null && (!storedBetween || runs.size() == MAX_MISSING_STRETCHES)) {
                runs.set(runs.size() - 1, new Coverage.Gap(last.start(), bar.end()));
            } else {
                runs.add(new Coverage.Gap(bar.start(), bar.end()));
            }
        }
        return runs;
    }

    // ---- selection and export ----

    /** Selects [from, to) of the shown symbol; counts come from the bars the chart shows. */
    public void select(long from, long to, List<Bar> shown) {
        long start = Math.floorDiv(Math.min(from, to), 1000) * 1000;
        long end = Math.floorDiv(Math.max(from, to) + 999, 1000) * 1000;
        Rollup range = new Rollup();
        for (Bar bar : shown) {
            if (bar.start() >= start && bar.start() < end) {
                range.add(bar);
            }
        }
        selection.set(end > start ? new Selection(symbol.get(), start, end, range.count(), range.volume(), range.open(),
                range.high(), range.low(), range.close(), range.vwap()) : null);
    }

    public void clearSelection() {
        selection.set(null);
    }

    /** {@code SYMBOL_YYYY-MM-DD_HHMMSS-HHMMSS.csv} for the current selection. */
    public String suggestedExportName() {
        Selection current = selection.get();
        return current.symbol() + "_" + ExchangeTime.dayOf(current.from()) + "_"
                + FILE_TIME.format(ExchangeTime.localDateTime(current.from())) + "-"
                + FILE_TIME.format(ExchangeTime.localDateTime(current.to())) + ".csv";
    }

    /** Writes the selection's bars from the database in the background: Parquet when the name ends .parquet, else CSV. */
    public Task<Long> exportSelection(Path target) {
        LiveSession current = session.get();
        Selection chosen = selection.get();
        if (current == null || chosen == null) {
            return null;
        }
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                updateMessage("Exporting " + chosen.bars() + " bars to " + target.getFileName());
                if (target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
                    return new ParquetExport(current.store()).toFile(chosen.symbol(), chosen.from(), chosen.to(), target);
                }
                return new CsvExport(current.store()).toFile(chosen.symbol(), chosen.from(), chosen.to(), target,
                        rows -> {
                            if (isCancelled()) {
                                throw new CancellationException();
                            }
                            updateProgress(rows, Math.max(rows, chosen.bars()));
                        });
            }
        };
        task.setOnSucceeded(event -> exported.accept(String.format("Exported %,d bars of %s to %s",
                task.getValue(), chosen.symbol(), target)));
        return tasks.run(task, "Export to " + target + " failed");
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public void live() {
        mode.set(Mode.LIVE);
        listDays();
    }

    public ReadOnlyObjectProperty<DayData> dayProperty() {
        return day.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The last audit in one line ("" before one), for the toolbar. */
    public javafx.beans.binding.StringBinding auditSummaryProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            Audit.Report report = audit.get();
            return report == null ? "" : "Audit: " + Audit.Totals.of(List.of(report)).brief();
        }, audit);
    }

    /** The last audit of the shown day, or null. */
    public ReadOnlyObjectProperty<Audit.Report> auditProperty() {
        return audit.getReadOnlyProperty();
    }
}
