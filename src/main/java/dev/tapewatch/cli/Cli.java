package dev.tapewatch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the command line; never starts the JavaFX toolkit. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TapewatchCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parseResult) -> {
            TapewatchCommand root = line.getCommandSpec().root().userObject() instanceof TapewatchCommand t ? t : null;
            PrintWriter errors = line.getErr();
            errors.println("tapewatch: " + UserMessages.describe(e));
            if (root != null && root.verbose) {
                e.printStackTrace(errors);
            }
            errors.flush();
            return e instanceof CommandFailure failure ? failure.exitCode() : ExitCodes.FAILURE;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
