package dev.tapewatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FeedStatsTest {
    private static FeedStats lagged(long lagMillis) {
        return new FeedStats(10, 10, 0, 0, 0, lagMillis);
    }

    @Test
    void lagShowsWhileTheFeedIsNearNowAndTheFeedsOwnTimeOtherwise() {
        long now = ExchangeTime.toEpochMillis(LocalDateTime.of(2026, 12, 4, 11, 0));
        assertEquals("lag 1.5 s", lagged(1_500).lag(now));
        assertEquals("lag 900.0 s", lagged(900_000).lag(now), "a 15 minute delayed feed's lag means something");
        long replayed = ExchangeTime.toEpochMillis(LocalDateTime.of(2024, 1, 2, 10, 0, 5));
        assertEquals("feed at 2024-01-02 10:00:05 ET", lagged(now - replayed).lag(now));
        assertEquals("feed at 2026-12-04 11:05:00 ET", lagged(-300_000).lag(now), "ahead of the clock");
        assertEquals("lag –", new FeedStats(0, 0, 0, 0, 0, 0).lag(now));
    }
}
