package dev.tapewatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.market.Bar;
import java.util.List;
import java.util.Set;

/** How the market server speaks to its websocket clients: Polygon's stocks protocol, or Alpaca's trades. */
interface Dialect {

    /**
     * What a client asked to (un)subscribe: a symbol, {@code *} for all, or null when not served ({@code raw} says);
     * {@code channel} is {@link #BARS}, or one of our own event types ({@link RelayServer#EVENT_TYPES}).
     */
    record Target(String symbol, String raw, String channel) {
        static final String BARS = "A";

        Target(String symbol, String raw) {
            this(symbol, raw, BARS);
        }
    }

    /** A client message: {@code auth} (with the key presented), {@code subscribe}, {@code unsubscribe}, or other. */
    record Request(String action, String key, List<Target> targets) {
    }

    /** Whether a client may ask for msgpack frames instead of JSON text (Alpaca's stream). */
    default boolean speaksMsgpack() {
        return false;
    }

    /** The websocket path (Tyrus path templates allowed). */
    String path();

    String connected();

    String authTimeout();

    String authenticated();

    String authFailed();

    String error(String message);

    String slowConsumer();

    Request read(JsonNode message);

    /** What answers a (un)subscription of {@code applied}, given the connection's subscription after it. */
    List<String> acknowledge(boolean subscribe, List<Target> applied, Set<String> symbols, boolean all);

    /** One frame of these bars (the same second, or a relay's batch). */
    String frame(List<Bar> bars);
}
