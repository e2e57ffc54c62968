package dev.tapewatch.feed;

import dev.tapewatch.market.ExchangeTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Counters since the feed started; {@code lagMillis} is now minus the end of the latest bar received. */
public record FeedStats(long frames, long bars, long malformed, long unknown, long reconnects, long lagMillis) {
    /** Beyond this the feed's seconds are not live (a replay, another day's tape, a recorder far behind). */
    public static final long LIVE_LAG_MILLIS = 30 * 60_000L;
    private static final DateTimeFormatter FEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * "lag 1.4 s" while the feed's seconds are near {@code now} (the market clock the lag was taken on); else the
     * feed's own time, "feed at 2024-01-02 10:00:05 ET": a lag of days says nothing. "lag –" before any bar.
     */
    public String lag(long now) {
        if (bars == 0) {
            return "lag –";
        }
        if (lagMillis >= -60_000 && lagMillis <= LIVE_LAG_MILLIS) {
            return String.format(Locale.ROOT, "lag %.1f s", lagMillis / 1000.0);
        }
        return "feed at " + FEED_TIME.format(ExchangeTime.localDateTime(now - lagMillis)) + " ET";
    }
}
