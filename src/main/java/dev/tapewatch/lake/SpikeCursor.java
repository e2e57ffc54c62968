package dev.tapewatch.lake;

import dev.tapewatch.market.Spike;
import java.util.List;

/** Answers "is this time inside a spike" for increasing times in O(1) amortised. */
final class SpikeCursor {
    private final List<Spike> spikes;
    private int next;

    SpikeCursor(List<Spike> spikes) {
        this.spikes = spikes;
    }

    boolean contains(long time) {
        while (next < spikes.size() && spikes.get(next).end() <= time) {
            next++;
        }
        return next < spikes.size() && spikes.get(next).contains(time);
    }
}
