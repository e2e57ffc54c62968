package dev.tapewatch.cli;

import dev.tapewatch.app.DetectorBench;
import dev.tapewatch.detect.DetectorSettings;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures Tapewatch and prints the figures.",
        subcommands = {BenchCommand.Detector.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: detector");
    }

    @Command(name = "detector", mixinStandardHelpOptions = true,
            description = "Scores the spike detector against the simulator's injected events over a full"
                    + " extended-hours day (precision, recall, F1, delay) and measures its throughput on one thread.")
    static final class Detector implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Market seed (default 1).")
        long seed;

        @Option(names = "--date", defaultValue = "2024-01-02", description = "Simulated day (default 2024-01-02).")
        LocalDate date;

        @Option(names = "--symbols", defaultValue = "30", description = "How many tickers (default 30).")
        int symbols;

        @Override
        public Integer call() {
            DetectorBench.Result result = DetectorBench.run(seed, date, symbols, DetectorSettings.DEFAULT);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Spike detector on %d symbols, %s (seed %d), %,d bars, %d injected events%n", result.symbols(),
                    date, seed, result.bars(), result.events());
            out.printf("%-22s %10s%n", "figure", "value");
            out.printf("%-22s %10d%n", "spikes found", result.spikes());
            out.printf("%-22s %10.3f%n", "precision", result.precision());
            out.printf("%-22s %10.3f%n", "recall", result.recall());
            out.printf("%-22s %10.3f%n", "F1", result.f1());
            out.printf("%-22s %10.1f%n", "median delay (s)", result.delayPercentile(50));
            out.printf("%-22s %10.1f%n", "p90 delay (s)", result.delayPercentile(90));
            out.printf("%-22s %,10.0f%n", "bars/s (one thread)", result.barsPerSecond());
            return ExitCodes.OK;
        }
    }
}
