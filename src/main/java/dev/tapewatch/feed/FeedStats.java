package dev.tapewatch.feed;

/** Counters since the feed started; {@code lagMillis} is now minus the end of the latest bar received. */
public record FeedStats(long frames, long bars, long malformed, long unknown, long reconnects, long lagMillis) {
}
