package dev.tapewatch.cli;

import dev.tapewatch.sim.SimClock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A command's {@code --speed}, judged by the market's one speed rule ({@link SimClock#speedProblem}). */
final class SpeedOption {
    private SpeedOption() {
    }

    /** A usage error naming the flag when {@code speed} is given and not a speed. */
    static void check(CommandSpec spec, Double speed) {
        String problem = speed == null ? null : SimClock.speedProblem(speed);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "--speed " + problem);
        }
    }
}
