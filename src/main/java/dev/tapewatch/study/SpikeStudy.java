package dev.tapewatch.study;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The paths after every stored spike of a selection of days, symbols, kinds and scores. */
public final class SpikeStudy {
    /** {@code symbols} and {@code kinds} empty: all. Kinds are lower-case names, as {@link #kinds()} lists them. */
    public record Selection(LocalDate from, LocalDate to, Set<String> symbols, Set<String> kinds, double minScore) {
        boolean includes(Spike spike) {
            return (kinds.isEmpty() || kinds.contains(SpikePath.kindName(spike))) && spike.peakScore() >= minScore;
        }
    }

    /** The paths found, and how many selected spikes had no bar before them that day (no reference). */
    public record Result(List<SpikePath> paths, int withoutReference) {
    }

    private SpikeStudy() {
    }

    /** The spike kinds the detector knows, lower case. */
    public static List<String> kinds() {
        return Arrays.stream(Spike.Kind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Checks kinds against {@link #kinds()}; throws naming the unknown one and the known ones. */
    public static Set<String> requireKnownKinds(Set<String> kinds) {
        Set<String> lower = kinds.stream().map(kind -> kind.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String kind : lower) {
            if (!kinds().contains(kind)) {
                throw new IllegalArgumentException("unknown spike kind '" + kind + "'; the kinds are "
                        + String.join(", ", kinds()));
            }
        }
        return lower;
    }

    /** Reads each symbol-day with spikes once; {@code cancelled} is asked between symbol-days. */
    public static Result run(BarStore store, Selection selection, BooleanSupplier cancelled) {
        List<SpikePath> paths = new ArrayList<>();
        int withoutReference = 0;
        for (DayCount day : store.days(null)) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            if (!selected(selection, day)) {
                continue;
            }
            long from = ExchangeTime.startOfDay(day.date());
            long to = ExchangeTime.endOfDay(day.date());
            List<Spike> spikes = store.spikes(day.symbol(), from, to).stream().filter(selection::includes).toList();
            if (spikes.isEmpty()) {
                continue;
            }
            List<Bar> bars = store.bars(day.symbol(), from, to);
            long[] starts = bars.stream().mapToLong(Bar::start).toArray();
            for (Spike spike : spikes) {
                SpikePath path = starts.length == 0 ? null : SpikePath.of(spike, bars, starts);
                if (path == null) {
                    withoutReference++;
                } else {
                    paths.add(path);
                }
            }
        }
        paths.sort(java.util.Comparator.comparingLong((SpikePath path) -> path.spike().start())
                .thenComparing(path -> path.spike().symbol()));
        return new Result(paths, withoutReference);
    }

    private static boolean selected(Selection selection, DayCount day) {
        return (selection.from() == null || !day.date().isBefore(selection.from()))
                && (selection.to() == null || !day.date().isAfter(selection.to()))
                && (selection.symbols().isEmpty() || selection.symbols().contains(day.symbol()));
    }
}
