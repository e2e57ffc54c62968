package dev.tapewatch.feed;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: a uniformly random delay in [floor, min(cap, base * 2^attempt)] (full jitter when
 * the floor is 0).
 */
public record Backoff(long baseMillis, long capMillis, long floorMillis) {
    public static final Backoff DEFAULT = new Backoff(500, 30_000);
    /**
     * When the provider says another connection uses the key: never less than 30 s, so the other one (or the
     * provider's memory of a dropped one) can settle.
     */
    public static final Backoff CONNECTION_LIMIT = new Backoff(30_000, 120_000, 30_000);

    public Backoff(long baseMillis, long capMillis) {
        this(baseMillis, capMillis, 0);
    }

    public long delay(int attempt, RandomGenerator random) {
        long ceiling = Math.max(floorMillis, Math.min(capMillis, baseMillis << Math.min(Math.max(attempt - 1, 0), 20)));
        return floorMillis + random.nextLong(ceiling - floorMillis + 1);
    }
}
