package dev.tapewatch.app;

import java.net.URI;
import java.util.Locale;

/** Where live bars come from. */
public enum Provider {
    SIMULATOR("simulator", null, "Simulated market"),
    /** The same simulated market, served as Alpaca's trades (and made into seconds like Alpaca's). */
    SIMULATOR_ALPACA("simulator-alpaca", null, "Simulated market (Alpaca protocol)"),
    POLYGON("polygon", URI.create("wss://socket.polygon.io"), "Polygon.io (real time)"),
    POLYGON_DELAYED("polygon-delayed", URI.create("wss://delayed.polygon.io"), "Polygon.io (15 min delayed)"),
    /** Alpaca's market data v2 stream: trades, made into second bars here. */
    ALPACA("alpaca", URI.create("wss://stream.data.alpaca.markets"), "Alpaca (seconds from trades)"),
    /** A recorder's shared stream ({@code record --serve}) on this machine: Polygon's protocol, a local key. */
    LOCAL("local", null, "Local Tapewatch (a recorder's shared stream)"),
    /** No upstream connection: the bars a recorder elsewhere stores in the shared (PostgreSQL) database. */
    DATABASE("database", null, "Database (watch a recorder)"),
    /** A stored day played through the live path (History → Replay from here); not a setting. */
    REPLAY("replay", null, "Replay");

    private final String id;
    private final URI defaultUrl;
    private final String label;

    Provider(String id, URI defaultUrl, String label) {
        this.id = id;
        this.defaultUrl = defaultUrl;
        this.label = label;
    }

    /** What a person reads: in the Settings dialog and the status bar. */
    public String label() {
        return label;
    }

    public String id() {
        return id;
    }

    public URI defaultUrl() {
        return defaultUrl;
    }

    /** Whether this is the built-in simulated market (in either protocol). */
    public boolean simulated() {
        return this == SIMULATOR || this == SIMULATOR_ALPACA;
    }

    /** What a user may choose as the source of live bars. */
    public static java.util.List<Provider> choosable() {
        return java.util.Arrays.stream(values()).filter(provider -> provider != REPLAY).toList();
    }

    public static Provider parse(String text) {
        for (Provider provider : choosable()) {
            if (provider.id.equalsIgnoreCase(text.trim()) || provider.name().equalsIgnoreCase(text.trim())) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "'; use simulator, simulator-alpaca, polygon, polygon-delayed, alpaca, local or database");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
