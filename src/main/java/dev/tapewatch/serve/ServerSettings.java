package dev.tapewatch.serve;

/**
 * How a loopback server listens: on 127.0.0.1:{@code port} (0: a free one), for clients presenting
 * {@code requiredKey} (null: any non-blank key), speaking {@code protocol}.
 */
public record ServerSettings(int port, String requiredKey, Protocol protocol) {

    /** What the server speaks: Polygon's aggregates, or Alpaca's trades (the same market, as trades). */
    public enum Protocol { POLYGON, ALPACA }

    /** A free port, any non-blank key, {@code protocol}: a server for this process's own clients. */
    public static ServerSettings of(Protocol protocol) {
        return new ServerSettings(0, null, protocol);
    }

    boolean accepts(String key) {
        return key != null && !key.isBlank() && (requiredKey == null || requiredKey.equals(key));
    }
}
