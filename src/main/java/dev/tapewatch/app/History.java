package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.store.DayCount;
import dev.tapewatch.feed.RestException;
import dev.tapewatch.feed.SecondHistory;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.time.LocalDate;
import java.util.List;

/** A stored day seen the same way as live: its bars through the same detector, and where it was not recorded. */
public final class History {
    /** One symbol's stored day: bars in time order, the detector's spikes, and the gaps in its coverage. */
    public record Day(String symbol, LocalDate date, List<Bar> bars, List<Spike> spikes, List<Coverage.Gap> gaps) {
    }

    private History() {
    }

    /**
     * Loads a symbol's day; {@code cancelled} is asked between rows, and a cancelled load ends with a
     * {@link CancellationException} (cooperative: the reading thread is never interrupted inside the store).
     */
    public static Day load(BarStore store, String symbol, LocalDate date, DetectorSettings settings,
                           BooleanSupplier cancelled) {
        long from = ExchangeTime.startOfDay(date);
        long to = ExchangeTime.endOfDay(date);
        List<Bar> bars = new ArrayList<>();
        store.forEachBar(symbol, from, to, bar -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            bars.add(bar);
        });
        List<Coverage.Gap> gaps = Coverage.gaps(symbol, store.coverage(from, to));
        return new Day(symbol, date, bars, SpikeDetector.detect(symbol, bars, settings, spans(gaps)), gaps);
    }

    /** The spikes the detector finds over a symbol's stored day, knowing which seconds were not recorded. */
    public static List<Spike> detect(BarStore store, String symbol, LocalDate day, DetectorSettings settings) {
        long from = ExchangeTime.startOfDay(day);
        long to = ExchangeTime.endOfDay(day);
        List<Bar> bars = store.bars(symbol, from, to);
        return SpikeDetector.detect(symbol, bars, settings, spans(Coverage.gaps(symbol, store.coverage(from, to))));
    }

    private static List<long[]> spans(List<Coverage.Gap> gaps) {
        return gaps.stream().map(gap -> new long[] {gap.start(), gap.end()}).toList();
    }

    /** Re-scores a stored day with these settings and replaces its stored spikes; returns the new ones. */
    public static List<Spike> rescore(BarStore store, String symbol, LocalDate day, DetectorSettings settings) {
        List<Spike> spikes = detect(store, symbol, day, settings);
        store.replaceSpikes(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day), spikes);
        return spikes;
    }

    /** A close this close to 16:00 counts as the day's close. */
    private static final long CLOSE_WINDOW_MS = 15 * 60_000L;

    /**
     * The regular-session close of the trading day before {@code day}: the last stored bar before 16:00 of the
     * latest stored earlier day, when one lies in the quarter hour before the bell; otherwise the provider's
     * last second before the previous weekday's bell (the provider knows the days we never recorded). NaN when
     * neither knows, or when {@code cancelled} while the provider is retried. {@code store} null: the provider's.
     */
    public static double previousClose(BarStore store, SecondHistory provider, String symbol, LocalDate day,
                                       BooleanSupplier cancelled) throws RestException {
        List<LocalDate> earlier = store == null ? List.of()
                : store.days(symbol).stream().map(DayCount::date).filter(d -> d.isBefore(day)).toList();
        if (!earlier.isEmpty()) {
            long bell = ExchangeTime.toEpochMillis(earlier.get(earlier.size() - 1), ExchangeTime.REGULAR_CLOSE);
            List<Bar> last = store.bars(symbol, bell - CLOSE_WINDOW_MS, bell);
            if (!last.isEmpty()) {
                return last.get(last.size() - 1).close();
            }
        }
        LocalDate previous = day.minusDays(1);
        while (!ExchangeTime.isWeekday(previous)) {
            previous = previous.minusDays(1);
        }
        long bell = ExchangeTime.toEpochMillis(previous, ExchangeTime.REGULAR_CLOSE);
        List<Bar> fetched = provider.secondBars(symbol, bell - CLOSE_WINDOW_MS, bell, cancelled);
        return fetched.isEmpty() ? Double.NaN : fetched.get(fetched.size() - 1).close();
    }
}
