package dev.tapewatch.feed;

import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: a uniformly random delay in [0, min(cap, base * 2^attempt)]. */
public record Backoff(long baseMillis, long capMillis) {
    public static final Backoff DEFAULT = new Backoff(500, 30_000);
    /** When the provider says another connection uses the key: waiting long lets the other one settle. */
    public static final Backoff CONNECTION_LIMIT = new Backoff(30_000, 120_000);

    public long delay(int attempt, RandomGenerator random) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(Math.max(attempt - 1, 0), 20));
        return random.nextLong(ceiling + 1);
    }
}
