package dev.tapewatch.store;

/**
 * A {@link BarWriter}'s counters at one moment: bars accepted, written (committed and on disk), and given up on
 * at close because the database kept failing ({@code unstored}); write attempts that failed since start (each was
 * retried, or its batch abandoned at close); and why writing is failing right now (null while writes succeed).
 */
public record WriterStats(long accepted, long written, long unstored, long failedAttempts, BarWriter.Problem problem) {

    /** Accepted bars neither stored nor given up yet. */
    public long pending() {
        return accepted - written - unstored;
    }
}
