package dev.tapewatch.store;

import java.util.List;

/**
 * A span in which the recorder was connected for a set of symbols ({@code *}: every symbol) and stored what it
 * received: from the session's start to the end of its last stored bar, or a span filled from the provider's
 * REST history. {@code endReason} is null while the span is still open, or when its process died: then
 * {@code end} is still the end of the last bar it stored.
 */
public record CoverageSpan(long id, List<String> symbols, long start, long end, String endReason) {
    public static final String ALL_SYMBOLS = "*";
    public static final String BACKFILLED = "backfilled";

    public boolean covers(String symbol) {
        return symbols.contains(symbol) || symbols.contains(ALL_SYMBOLS);
    }
}
