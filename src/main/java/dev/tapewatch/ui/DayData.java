package dev.tapewatch.ui;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.CoverageSpan;
import java.time.LocalDate;
import java.util.List;

/** A stored day of one symbol as the chart shows it: bars, the detector's spikes, and where data is missing. */
public record DayData(String symbol, LocalDate day, List<Bar> bars, List<Spike> spikes, List<Gap> gaps) {

    /** A stretch with no recording: [start, end) in epoch ms. */
    public record Gap(long start, long end) {
    }

    /**
     * Gaps are the parts of the recorded stretch (first to last coverage span of the day) that no span
     * covering the symbol covers.
     */
    static List<Gap> gaps(String symbol, List<CoverageSpan> spans) {
        List<CoverageSpan> covering = spans.stream().filter(span -> span.covers(symbol)).toList();
        java.util.ArrayList<Gap> gaps = new java.util.ArrayList<>();
        long coveredUntil = Long.MIN_VALUE;
        for (CoverageSpan span : covering) {
            if (coveredUntil != Long.MIN_VALUE && span.start() > coveredUntil) {
                gaps.add(new Gap(coveredUntil, span.start()));
            }
            coveredUntil = Math.max(coveredUntil, span.end());
        }
        return gaps;
    }
}
