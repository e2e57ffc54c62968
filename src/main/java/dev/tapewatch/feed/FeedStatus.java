package dev.tapewatch.feed;

/**
 * Where a feed stands, for status bars and status lines. {@code detail} says why (the reason of a failure,
 * the last disconnect); {@code attempt} and {@code nextAttemptAt} (epoch ms) describe a pending reconnect.
 */
public record FeedStatus(State state, String detail, int attempt, long nextAttemptAt) {

    public enum State { CONNECTING, AUTHENTICATING, STREAMING, RECONNECTING, FAILED, STOPPED }

    public static FeedStatus of(State state, String detail) {
        return new FeedStatus(state, detail, 0, 0);
    }

    public static FeedStatus reconnecting(String reason, int attempt, long nextAttemptAt) {
        return new FeedStatus(State.RECONNECTING, reason, attempt, nextAttemptAt);
    }

    /** One line for a status bar, e.g. "reconnecting in 4 s (attempt 3): connection refused". */
    public String describe(long now) {
        String text = switch (state) {
            case CONNECTING -> "connecting";
            case AUTHENTICATING -> "authenticating";
            case STREAMING -> "streaming";
            case RECONNECTING -> "reconnecting in " + Math.max(0, (nextAttemptAt - now + 999) / 1000) + " s (attempt "
                    + attempt + ")";
            case FAILED -> "failed";
            case STOPPED -> "stopped";
        };
        return detail == null || detail.isBlank() ? text : text + ": " + detail;
    }
}
