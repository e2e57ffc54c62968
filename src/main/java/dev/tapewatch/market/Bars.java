package dev.tapewatch.market;

import java.util.List;

/** Lookups in lists of bars sorted by start time. */
public final class Bars {
    private Bars() {
    }

    /** Index of the first bar starting at or after {@code time} (the list's size if none does). */
    public static int firstAtOrAfter(List<Bar> bars, long time) {
        int low = 0;
        int high = bars.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bars.get(middle).start() < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The bar whose start is nearest to {@code time}, or null for an empty list. */
    public static Bar nearest(List<Bar> bars, long time) {
        if (bars.isEmpty()) {
            return null;
        }
        int index = Math.min(firstAtOrAfter(bars, time), bars.size() - 1);
        Bar after = bars.get(index);
        Bar before = index > 0 ? bars.get(index - 1) : after;
        return Math.abs(before.start() - time) <= Math.abs(after.start() - time) ? before : after;
    }
}
