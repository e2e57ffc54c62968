package dev.tapewatch.ui;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.Coverage;
import java.time.LocalDate;
import java.util.List;

/** A stored day of one symbol as the chart shows it: bars, the detector's spikes, and where data is missing. */
public record DayData(String symbol, LocalDate day, List<Bar> bars, List<Spike> spikes, List<Coverage.Gap> gaps) {
}
