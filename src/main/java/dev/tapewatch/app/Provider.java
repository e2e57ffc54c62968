package dev.tapewatch.app;

import java.net.URI;
import java.util.Locale;

/** Where live bars come from. */
public enum Provider {
    SIMULATOR("simulator", null),
    POLYGON("polygon", URI.create("wss://socket.polygon.io")),
    POLYGON_DELAYED("polygon-delayed", URI.create("wss://delayed.polygon.io"));

    private final String id;
    private final URI defaultUrl;

    Provider(String id, URI defaultUrl) {
        this.id = id;
        this.defaultUrl = defaultUrl;
    }

    public String id() {
        return id;
    }

    public URI defaultUrl() {
        return defaultUrl;
    }

    public static Provider parse(String text) {
        for (Provider provider : values()) {
            if (provider.id.equalsIgnoreCase(text.trim()) || provider.name().equalsIgnoreCase(text.trim())) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "'; use simulator, polygon or polygon-delayed");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
