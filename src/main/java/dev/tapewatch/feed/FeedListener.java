package dev.tapewatch.feed;

import dev.tapewatch.market.Bar;
import java.util.List;
import java.util.Set;

/**
 * Receives what a feed produces, in order, on the feed's delivery thread. A slow listener slows delivery
 * (frames wait in the feed's queue), it never loses bars.
 */
public interface FeedListener {
    /** The bars of one frame, in the order the server sent them. */
    void bars(List<Bar> bars);

    /** Seconds that no longer have a bar (every trade of them was cancelled): a stored bar of them must go. */
    default void removed(List<SecondAggregator.Removed> removed) {
    }

    default void status(FeedStatus status) {
    }

    /** Subscribed and streaming for these symbols from {@code time} (epoch ms of the market clock). */
    default void sessionStarted(Set<String> symbols, long time) {
    }

    /** The streaming session ended at {@code time}: disconnected, symbols changed, or stopped. */
    default void sessionEnded(long time, String reason) {
    }
}
