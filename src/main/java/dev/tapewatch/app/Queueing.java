package dev.tapewatch.app;

/** Handing work to a bounded queue, where waiting for room is normal and an interrupt means "give up". */
@FunctionalInterface
interface Queueing {
    void run() throws InterruptedException;

    /** Runs {@code work}; an interrupt keeps the thread's flag and fails the call, naming {@code what}. */
    static void queue(String what, Queueing work) {
        try {
            work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing " + what, e);
        }
    }
}
