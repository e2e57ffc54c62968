package dev.tapewatch.ui.common;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.Coverage;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored day of one symbol as the chart shows it: bars, the detector's spikes, where nothing was recorded
 * (coverage gaps), and, once audited, the seconds the provider has and the store lacks.
 */
public record DayData(String symbol, LocalDate day, List<Bar> bars, List<Spike> spikes, List<Coverage.Gap> gaps,
                      List<Coverage.Gap> missing) {

    /** A day as loaded, before any audit. */
    public static DayData of(dev.tapewatch.app.History.Day loaded) {
        return new DayData(loaded.symbol(), loaded.date(), loaded.bars(), loaded.spikes(), loaded.gaps(), List.of());
    }

    public DayData withMissing(List<Coverage.Gap> value) {
        return new DayData(symbol, day, bars, spikes, gaps, value);
    }
}
