package dev.tapewatch.store;

import java.util.List;

/**
 * A span while the recorder was connected for a set of symbols. {@code endReason} is null while the
 * span is still open (or its process died: then {@code end} is the last time it was known alive).
 */
public record CoverageSpan(long id, List<String> symbols, long start, long end, String endReason) {
    public boolean covers(String symbol) {
        return symbols.contains(symbol);
    }
}
