package dev.tapewatch.store;

/** A storage failure with a message a user can act on: what failed, where, and what to do. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
