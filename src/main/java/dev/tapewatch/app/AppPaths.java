package dev.tapewatch.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Tapewatch keeps its data and configuration on each operating system. */
public final class AppPaths {
    private final Map<String, String> environment;
    private final String osName;
    private final Path home;

    public AppPaths(Map<String, String> environment, String osName, Path home) {
        this.environment = environment;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    public static AppPaths system() {
        return new AppPaths(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /** $XDG_DATA_HOME/tapewatch, ~/.local/share/tapewatch, ~/Library/Application Support/Tapewatch or %APPDATA%\Tapewatch. */
    public Path dataFolder() {
        if (osName.startsWith("windows")) {
            return Path.of(environment.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString()),
                    "Tapewatch");
        }
        if (osName.startsWith("mac")) {
            return home.resolve("Library/Application Support/Tapewatch");
        }
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    /** $XDG_CONFIG_HOME/tapewatch or ~/.config/tapewatch; the data folder on macOS and Windows. */
    public Path configFolder() {
        if (osName.startsWith("windows") || osName.startsWith("mac")) {
            return dataFolder();
        }
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    public Path defaultDatabase() {
        return dataFolder().resolve("tapewatch");
    }

    /** Bars of the simulated market are kept apart, so they never mix with recorded real ones. */
    public Path simulatorDatabase() {
        return dataFolder().resolve("simulated");
    }

    public Path configFile() {
        return configFolder().resolve("tapewatch.properties");
    }

    private Path xdg(String variable, String fallback) {
        String value = environment.get(variable);
        Path base = value == null || value.isBlank() || !Path.of(value).isAbsolute()
                ? home.resolve(fallback) : Path.of(value);
        return base.resolve("tapewatch");
    }
}
