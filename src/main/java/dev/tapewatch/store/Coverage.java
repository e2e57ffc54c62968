package dev.tapewatch.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the coverage spans of a day say about one symbol: covered stretches and the gaps between them. */
public final class Coverage {

    /** A stretch without recording, [start, end) in epoch ms. */
    public record Gap(long start, long end) {
    }

    private Coverage() {
    }

    /** The spans covering the symbol, in start order. */
    public static List<CoverageSpan> of(String symbol, List<CoverageSpan> spans) {
        return spans.stream().filter(span -> span.covers(symbol))
                .sorted(Comparator.comparingLong(CoverageSpan::start)).toList();
    }

    /** The gaps between the first and the last span covering the symbol (before and after: not recorded). */
    public static List<Gap> gaps(String symbol, List<CoverageSpan> spans) {
        List<Gap> gaps = new ArrayList<>();
        long coveredUntil = Long.MIN_VALUE;
        for (CoverageSpan span : of(symbol, spans)) {
            if (coveredUntil != Long.MIN_VALUE && span.start() > coveredUntil) {
                gaps.add(new Gap(coveredUntil, span.start()));
            }
            coveredUntil = Math.max(coveredUntil, span.end());
        }
        return gaps;
    }
}
