package dev.tapewatch.app;

import dev.tapewatch.provider.FeedFlags;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.provider.SettingsFile;
import dev.tapewatch.provider.SettingsForm;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.alpaca.Alpaca;
import dev.tapewatch.provider.database.WatchDatabase;
import dev.tapewatch.provider.polygon.LocalTapewatch;
import dev.tapewatch.provider.polygon.Polygon;
import dev.tapewatch.provider.replay.Replay;
import dev.tapewatch.provider.simulator.Simulator;
import dev.tapewatch.serve.MarketServer;
import dev.tapewatch.sim.SimulatorSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The providers there are: the one place that names them. A user chooses among {@link #choosable()} (in this
 * order in the Settings dialog); everyone else asks the chosen {@link MarketProvider}. The constants are for tests.
 */
public final class Providers {
    public static final MarketProvider SIMULATOR = Simulator.POLYGON;
    public static final MarketProvider SIMULATOR_ALPACA = Simulator.ALPACA;
    public static final MarketProvider POLYGON = Polygon.REAL_TIME;
    public static final MarketProvider POLYGON_DELAYED = Polygon.DELAYED;
    public static final MarketProvider ALPACA = Alpaca.PROVIDER;
    public static final MarketProvider LOCAL = LocalTapewatch.PROVIDER;
    public static final MarketProvider DATABASE = WatchDatabase.PROVIDER;
    /** A stored day played through the live path: not a setting, made by {@link #replay}. */
    public static final MarketProvider REPLAY = Replay.PROVIDER;

    private static final List<MarketProvider> CHOOSABLE = List.of(SIMULATOR, SIMULATOR_ALPACA, POLYGON,
            POLYGON_DELAYED, ALPACA, LOCAL, DATABASE);

    private Providers() {
    }

    /** What a user may choose as the source of live bars. */
    public static List<MarketProvider> choosable() {
        return CHOOSABLE;
    }

    /** The provider with this id (or its name in capitals, {@code POLYGON_DELAYED}). */
    public static MarketProvider parse(String text) {
        return find(text).orElseThrow(() -> {
            List<String> ids = CHOOSABLE.stream().map(MarketProvider::id).toList();
            return new IllegalArgumentException("unknown provider '" + text + "'; use "
                    + String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1));
        });
    }

    /** The saved provider, or the simulator when the file names one this version does not know. */
    public static MarketProvider savedOrSimulator(String id) {
        return find(id).orElse(SIMULATOR);
    }

    private static Optional<MarketProvider> find(String text) {
        String wanted = text.trim();
        return CHOOSABLE.stream().filter(provider -> provider.id().equalsIgnoreCase(wanted)
                || provider.id().replace('-', '_').equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * The feed's settings: the flag's provider, else the settings file's, else Polygon when a key is configured,
     * else the simulator.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static FeedSettings feed(SettingsFile file, Map<String, String> environment, FeedFlags flags) {
        return feed(SettingsInput.read(file, environment, flags));
    }

    /** The window's feed settings: as {@link #feed}, with advice on a missing setting that points into Settings. */
    public static FeedSettings feedForWindow(SettingsFile file, Map<String, String> environment) {
        return feed(SettingsInput.forWindow(file, environment));
    }

    private static FeedSettings feed(SettingsInput input) {
        FeedFlags flags = input.flags();
        MarketProvider named = flags.provider() != null ? parse(flags.provider())
                : input.entry(SettingsInput.PROVIDER).map(Providers::parse).orElse(null);
        MarketProvider provider = named != null ? named : Polygon.keyGiven(input) ? POLYGON : SIMULATOR;
        return provider.settings(input);
    }

    /** The simulated market ({@code simulation}) with a first run's settings. */
    public static FeedSettings simulator(SimulatorSettings simulation) {
        return Simulator.POLYGON.settings(simulation);
    }

    /** Plays {@code server}'s stored day (the connection owns the server) behind {@code key}. */
    public static FeedSettings replay(MarketServer server, String key, long stalenessMillis) {
        return Replay.PROVIDER.settings(server, key, stalenessMillis);
    }

    /** The settings file's secret entries: the file is warned about when others can read it. */
    public static List<SettingsForm.Field> secrets() {
        return CHOOSABLE.stream().map(MarketProvider::form)
                .flatMap(form -> Stream.concat(Stream.ofNullable(form.key()), form.row().stream()))
                .filter(SettingsForm.Field::secret).distinct().toList();
    }
}
