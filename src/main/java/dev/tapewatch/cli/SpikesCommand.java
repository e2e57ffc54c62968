package dev.tapewatch.cli;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.AppPaths;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.app.History;
import dev.tapewatch.detect.DetectorSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "spikes", mixinStandardHelpOptions = true,
        description = "Lists the volume and price spikes stored for a symbol's day, or with --all for every stored"
                + " symbol's (times America/New_York).")
final class SpikesCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = SymbolConverter.class,
            description = "Ticker, e.g. SPY.")
    String symbol;

    @Option(names = "--all", description = "Every symbol stored, instead of one.")
    boolean all;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
            description = "Trading day (America/New_York).")
    LocalDate date;

    @Option(names = "--rescore", description = "Run the detector over the stored bars with the current settings"
            + " and replace the day's stored spikes first.")
    boolean rescore;

    @Option(names = "--json", description = "One JSON object per spike and line: symbol, kind, score, start_ms,"
            + " end_ms, peak_ms, volume_multiple.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (all == (symbol != null)) {
            throw new ParameterException(spec.commandLine(), all ? "give either --symbol or --all, not both"
                    : "Missing required option: '--symbol=SYMBOL' (or --all for every stored symbol)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (BarStore store = db.openExisting()) {
            DetectorSettings settings = DetectorConfig.read(AppConfig.load(AppPaths.system().configFile()));
            int count = 0;
            if (!json) {
                out.printf("%-8s  %-8s  %-8s  %-8s  %-11s  %7s  %9s%n", "symbol", "start", "peak", "end", "kind",
                        "score", "x average");
            }
            for (String name : all ? store.symbols() : List.of(symbol)) {
                List<Spike> spikes = rescore ? History.rescore(store, name, date, settings)
                        : store.spikes(name, ExchangeTime.startOfDay(date), ExchangeTime.endOfDay(date));
                for (Spike spike : spikes) {
                    out.println(json ? JSON.writeValueAsString(fields(spike)) : String.format(Locale.ROOT,
                            "%-8s  %-8s  %-8s  %-8s  %-11s  %7.1f  %8.1fx", name, time(spike.start()),
                            time(spike.peakTime()), time(spike.end()), spike.label(), spike.peakScore(),
                            spike.volumeMultiple()));
                }
                count += spikes.size();
            }
            if (!json) {
                out.println(count + " spikes of " + (all ? "every symbol" : symbol) + " on " + date);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> fields(Spike spike) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("symbol", spike.symbol());
        fields.put("kind", spike.label());
        fields.put("score", spike.peakScore());
        fields.put("start_ms", spike.start());
        fields.put("end_ms", spike.end());
        fields.put("peak_ms", spike.peakTime());
        fields.put("volume_multiple", spike.volumeMultiple());
        return fields;
    }

    private static String time(long epochMillis) {
        return TIME.format(ExchangeTime.localDateTime(epochMillis));
    }
}
