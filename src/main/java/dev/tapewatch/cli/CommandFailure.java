package dev.tapewatch.cli;

/** A failure whose message is already written for the user, with the exit code it ends the run with. */
public final class CommandFailure extends RuntimeException {
    private final int exitCode;

    public CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
