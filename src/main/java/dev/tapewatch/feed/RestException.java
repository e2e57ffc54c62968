package dev.tapewatch.feed;

/** A REST request that failed for good: the message names the request (without secrets), the cause and the remedy. */
public final class RestException extends Exception {
    private final boolean keyRefused;

    public RestException(String message, boolean keyRefused, Throwable cause) {
        super(message, cause);
        this.keyRefused = keyRefused;
    }

    /** The provider refused the key (401/403): retrying cannot help. */
    public boolean keyRefused() {
        return keyRefused;
    }
}
