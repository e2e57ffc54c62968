package dev.tapewatch.serve;

import dev.tapewatch.market.Bar;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * A loopback server whose bars are pushed to it (a relay of a live feed): each goes out as it comes to the clients
 * subscribed to its symbol, and so do our own events; REST answers from a {@link ServedHistory} up to the real
 * now. It has no pace of its own, so no ticker. Listens on 127.0.0.1 only.
 */
public final class RelayServer extends DialectServer {
    /**
     * Our own message types, beside Polygon's {@code A}: a spike the recorder's detector closed, and an alert its
     * rules raised. Sent only to a client subscribed to them ({@code SPIKE.*}, {@code ALERT.SPY}), so a plain
     * Polygon client never sees one.
     */
    public static final Set<String> EVENT_TYPES = Set.of("SPIKE", "ALERT");

    private RelayServer(ServerSettings settings, ServedHistory history, Function<String, ThreadFactory> threads)
            throws IOException {
        super(settings, history, System::currentTimeMillis, threads);
    }

    /** {@code threads} makes the server's threads (the app owns thread creation: {@code Threads::named}). */
    public static RelayServer start(ServerSettings settings, ServedHistory history,
                                    Function<String, ThreadFactory> threads) throws IOException {
        return new RelayServer(settings, history, threads);
    }

    /**
     * Sends bars as they come (replacements included) to every client subscribed to their symbols; never waits on
     * a client. Safe from one thread at a time (the feed's delivery thread).
     */
    public void publish(List<Bar> bars) {
        clients().publish(bars);
    }

    /**
     * Sends one of our events ({@code type} one of {@link #EVENT_TYPES}, {@code frame} its JSON array) to every
     * client subscribed to that type for {@code symbol} or for all; never waits on a client.
     */
    public void publishEvent(String type, String symbol, String frame) {
        clients().publishEvent(type, symbol, frame);
    }
}
