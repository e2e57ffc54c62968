package dev.tapewatch.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider reads its settings from (the settings file, the environment and the command line's flags), with
 * what every provider shares already read and checked: staleness, the REST URL given and backfill.
 */
public final class SettingsInput {
    public static final String PROVIDER = "provider";
    public static final String URL = "url";
    public static final String STALENESS = "staleness.seconds";
    public static final String REST_URL = "rest.url";
    public static final String BACKFILL = "backfill";

    private final SettingsFile file;
    private final Map<String, String> environment;
    private final FeedFlags flags;
    private final long stalenessMillis;
    private final URI restUrl;
    private final boolean backfill;
    private final boolean forWindow;

    private SettingsInput(SettingsFile file, Map<String, String> environment, FeedFlags flags, boolean forWindow) {
        this.file = file;
        this.forWindow = forWindow;
        this.environment = environment;
        this.flags = flags;
        this.stalenessMillis = flags.stalenessMillis() != null ? flags.stalenessMillis()
                : (long) (number(STALENESS, 30) * 1000);
        this.backfill = flags.backfill() != null ? flags.backfill()
                : Boolean.parseBoolean(file.get(BACKFILL).orElse("true"));
        this.restUrl = flags.restUrl() != null ? restBase(flags.restUrl(), "--rest-url")
                : file.get(REST_URL).map(text -> restBase(uri(text, REST_URL), REST_URL + " in " + file.file()))
                        .orElse(null);
    }

    /**
     * Reads and checks the settings every provider shares.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static SettingsInput read(SettingsFile file, Map<String, String> environment, FeedFlags flags) {
        return new SettingsInput(file, environment, flags, false);
    }

    /** The window's settings (no flags): advice on a missing setting points into Settings, not at flags. */
    public static SettingsInput forWindow(SettingsFile file, Map<String, String> environment) {
        return new SettingsInput(file, environment, FeedFlags.NONE, true);
    }

    /** Whether the window reads these: its user fixes a setting in Settings (Ctrl+,), not with flags. */
    public boolean forWindow() {
        return forWindow;
    }

    public FeedFlags flags() {
        return flags;
    }

    public long stalenessMillis() {
        return stalenessMillis;
    }

    /** The REST base URL given (flag, else the settings file), checked; null when none is. */
    public URI restUrl() {
        return restUrl;
    }

    public boolean backfill() {
        return backfill;
    }

    public Optional<String> entry(String name) {
        return file.get(name);
    }

    /** The settings file, for messages that say where to fix a setting. */
    public Path file() {
        return file.file();
    }

    /** A credential: the command line's, else the environment variable's, else the settings file's entry. */
    public Optional<String> credential(String fromCommandLine, String variable, String entry) {
        if (fromCommandLine != null && !fromCommandLine.isBlank()) {
            return Optional.of(fromCommandLine.trim());
        }
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        return file.get(entry);
    }

    /** A number from the settings file, else {@code fallback}. */
    public double number(String name, double fallback) {
        String text = file.get(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " in " + file.file() + " is '" + text
                    + "', not a number; fix or delete that line.");
        }
    }

    /** The stream's base URL (flag, else the settings file), checked: a ws:// or wss:// URL with a host; or null. */
    public URI streamUrl() {
        URI url = flags.url() != null ? flags.url() : file.get(URL).map(text -> uri(text, URL)).orElse(null);
        if (url == null) {
            return null;
        }
        boolean websocket = "ws".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
        if (!websocket || url.getHost() == null) {
            String where = flags.url() != null ? "--url" : URL + " in " + file.file();
            throw new IllegalArgumentException(where + " must be a websocket URL such as ws://127.0.0.1:8765 or"
                    + " wss://socket.polygon.io; was " + (url.getScheme() == null ? "'" + url.getRawPath() + "'"
                    : url.getScheme() + "://" + (url.getHost() == null ? "…" : url.getHost()
                    + (url.getPort() < 0 ? "" : ":" + url.getPort()))) + ".");
        }
        return url;
    }

    /**
     * A REST base URL as given ({@code where} names the option or setting): http or https with a host, and no
     * query, fragment or user info, which a path joined after it would break or a printed URL would show.
     */
    private static URI restBase(URI given, String where) {
        boolean web = "http".equalsIgnoreCase(given.getScheme()) || "https".equalsIgnoreCase(given.getScheme());
        if (!web || given.getHost() == null || given.getRawQuery() != null || given.getRawFragment() != null
                || given.getRawUserInfo() != null) {
            String shown = web && given.getHost() != null ? given.getScheme() + "://" + given.getHost()
                    + (given.getPort() < 0 ? "" : ":" + given.getPort()) + (given.getRawPath() == null ? ""
                    : given.getRawPath()) + (given.getRawQuery() != null || given.getRawFragment() != null
                    || given.getRawUserInfo() != null ? " (with a query, fragment or user info, not shown)" : "")
                    : "'" + (given.getScheme() == null ? given.getRawSchemeSpecificPart() : given.getScheme() + ":…")
                    + "'";
            throw new IllegalArgumentException(where + " must be a base URL such as http://127.0.0.1:8765 or"
                    + " https://api.polygon.io, with no query, fragment or user info (the key goes in --key or the"
                    + " environment, never in a URL); was " + shown + ".");
        }
        return given;
    }

    private URI uri(String text, String name) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " in " + file.file() + " is not a URL (" + e.getReason()
                    + "); fix or delete that line.");
        }
    }
}
