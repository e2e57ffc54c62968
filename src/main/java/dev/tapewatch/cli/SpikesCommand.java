package dev.tapewatch.cli;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.History;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "spikes", mixinStandardHelpOptions = true,
        description = "Lists the volume and price spikes stored for a symbol's day (times America/New_York).")
final class SpikesCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    SymbolDayOptions day;

    @Option(names = "--rescore", description = "Run the detector over the stored bars with the current settings"
            + " and replace the day's stored spikes first.")
    boolean rescore;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BarStore store = db.openExisting()) {
            List<Spike> spikes = rescore
                    ? History.rescore(store, day.symbol, day.date,
                            DetectorConfig.read(AppConfig.load(AppPaths.system().configFile())))
                    : store.spikes(day.symbol, ExchangeTime.startOfDay(day.date), ExchangeTime.endOfDay(day.date));
            out.printf("%-8s  %-8s  %-8s  %-11s  %7s  %9s%n", "start", "peak", "end", "kind", "score", "x average");
            for (Spike spike : spikes) {
                out.printf("%-8s  %-8s  %-8s  %-11s  %7.1f  %8.1fx%n", time(spike.start()), time(spike.peakTime()),
                        time(spike.end()), spike.label(), spike.peakScore(), spike.volumeMultiple());
            }
            out.println(spikes.size() + " spikes of " + day.symbol + " on " + day.date);
        }
        return ExitCodes.OK;
    }

    private static String time(long epochMillis) {
        return TIME.format(ExchangeTime.localDateTime(epochMillis));
    }
}
