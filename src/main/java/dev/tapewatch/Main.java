package dev.tapewatch;

import dev.tapewatch.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The one entry point: no arguments opens the window, anything else runs the command line.
 * Deliberately not a JavaFX {@code Application}: from the classpath that fails to start, and the command
 * line must never start the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.tapewatch.ui.DesktopLauncher.launch(args);
            return;
        }
        Charset charset = Charset.defaultCharset();
        int code = Cli.run(args, new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true));
        System.exit(code);
    }
}
