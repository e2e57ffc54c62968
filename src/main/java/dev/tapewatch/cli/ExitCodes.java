package dev.tapewatch.cli;

/** Exit codes of the command line; the README lists them for users and scripts. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A runtime failure: database, file, network. */
    public static final int FAILURE = 1;
    /** Bad arguments: the message names the argument. */
    public static final int USAGE = 2;
    /** The provider refused the API key. */
    public static final int AUTH_REFUSED = 3;
    /** The feed never delivered before the run ended (unreachable URL, server down). */
    public static final int FEED_UNREACHABLE = 4;
    /** An audit found differences between the stored day and the provider's (that --fix did not mend). */
    public static final int DIFFERENCES = 5;

    private ExitCodes() {
    }
}
