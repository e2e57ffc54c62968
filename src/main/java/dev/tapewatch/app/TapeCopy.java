package dev.tapewatch.app;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.DayCount;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies a tape between two stores (H2 and PostgreSQL, either way): bars, spikes and coverage, one symbol-day per
 * durable transaction. Resumable: a symbol-day the target already holds exactly as many bars of is skipped (an
 * interrupted copy left every earlier symbol-day whole, and none half), unless {@code overwrite}; coverage spans
 * the target already has are not added twice.
 */
public final class TapeCopy {

    /** Which part of the tape: days from {@code first} to {@code last} inclusive (null: open), symbols (null: all). */
    public record Selection(LocalDate first, LocalDate last, Set<String> symbols, boolean overwrite) {
        boolean includes(DayCount day) {
            return (first == null || !day.date().isBefore(first)) && (last == null || !day.date().isAfter(last))
                    && (symbols == null || symbols.contains(day.symbol()));
        }
    }

    /** Symbol-day {@code done} of {@code total} finished: copied, or {@code skipped} because the target had it. */
    public record Step(int done, int total, DayCount day, boolean skipped) {
    }

    public record Result(int daysCopied, int daysSkipped, long bars, long spikes, int spans) {
    }

    private TapeCopy() {
    }

    public static Result copy(BarStore from, BarStore to, Selection selection, Consumer<Step> progress) {
        List<DayCount> days = from.days(null).stream().filter(selection::includes).toList();
        Map<String, Long> held = new HashMap<>();
        for (DayCount day : to.days(null)) {
            held.put(day.symbol() + "@" + day.date(), day.bars());
        }
        int copied = 0;
        int skipped = 0;
        long bars = 0;
        long spikes = 0;
        for (DayCount day : days) {
            boolean skip = !selection.overwrite()
                    && Long.valueOf(day.bars()).equals(held.get(day.symbol() + "@" + day.date()));
            if (skip) {
                skipped++;
            } else {
                long start = ExchangeTime.startOfDay(day.date());
                long end = ExchangeTime.endOfDay(day.date());
                List<Bar> dayBars = from.bars(day.symbol(), start, end);
                List<Spike> daySpikes = from.spikes(day.symbol(), start, end);
                to.writeDurably("copy bars into", writes -> {
                    writes.upsert(dayBars);
                    writes.saveSpikes(daySpikes);
                    return null;
                });
                copied++;
                bars += dayBars.size();
                spikes += daySpikes.size();
            }
            progress.accept(new Step(copied + skipped, days.size(), day, skip));
        }
        return new Result(copied, skipped, bars, spikes, copyCoverage(from, to, selection, days));
    }

    /** Spans overlapping the copied days, limited to the chosen symbols, each added once. */
    private static int copyCoverage(BarStore from, BarStore to, Selection selection, List<DayCount> days) {
        if (days.isEmpty()) {
            return 0;
        }
        LocalDate first = days.stream().map(DayCount::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().map(DayCount::date).max(LocalDate::compareTo).orElseThrow();
        long start = ExchangeTime.startOfDay(first);
        long end = ExchangeTime.endOfDay(last);
        Set<List<Object>> present = new HashSet<>();
        for (CoverageSpan span : to.coverage(start, end)) {
            present.add(identity(span.symbols(), span));
        }
        int added = 0;
        for (CoverageSpan span : from.coverage(start, end)) {
            List<String> symbols = selection.symbols() == null ? span.symbols()
                    : span.symbols().stream().filter(selection.symbols()::contains).toList();
            if (!symbols.isEmpty() && present.add(identity(symbols, span))) {
                to.writeDurably("copy coverage into",
                        writes -> writes.insertCoverage(symbols, span.start(), span.end(), span.endReason()));
                added++;
            }
        }
        return added;
    }

    private static List<Object> identity(List<String> symbols, CoverageSpan span) {
        return List.of(symbols, span.start(), span.end(), String.valueOf(span.endReason()));
    }
}
