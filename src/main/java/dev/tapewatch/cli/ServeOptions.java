package dev.tapewatch.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What the serving commands ({@code simulate}, {@code replay}) share: where, for whom, and for how long. */
final class ServeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int port;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one (default).")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 (a free port) to 65535, was " + value);
        }
        port = value;
    }

    @Option(names = "--key", description = "Accept only this API key (default: any non-blank key).")
    String key;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (e.g. 10m).")
    Duration duration;

    /** Whether {@code --duration} has passed since {@code startedNanos} ({@link System#nanoTime()}); never without it. */
    boolean over(long startedNanos) {
        return duration != null && System.nanoTime() - startedNanos >= duration.toNanos();
    }
}
