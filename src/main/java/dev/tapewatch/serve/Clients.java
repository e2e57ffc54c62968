package dev.tapewatch.serve;

import dev.tapewatch.feed.AlpacaMsgpack;
import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A server's connected websocket clients and what goes out to them: a pulled market's seconds, pushed bars, our
 * own events. Never waits on a client ({@link Client#send}).
 */
final class Clients {
    private final ServerSettings settings;
    private final Dialect dialect;
    /** Times out unauthenticated clients and closes dropped ones. */
    private final ScheduledExecutorService timers;
    private final Set<Client> connected = ConcurrentHashMap.newKeySet();

    Clients(ServerSettings settings, Dialect dialect, ScheduledExecutorService timers) {
        this.settings = settings;
        this.dialect = dialect;
        this.timers = timers;
    }

    /** A new client, knowing its upgrade request's headers (lower-case names): msgpack if it asks and we speak it. */
    Client connect(Map<String, String> headers) {
        return new Client(this, dialect, dialect.speaksMsgpack() && headers.getOrDefault("content-type", "")
                .toLowerCase(Locale.ROOT).contains(AlpacaMsgpack.CONTENT_TYPE));
    }

    void add(Client client) {
        connected.add(client);
    }

    void remove(Client client) {
        connected.remove(client);
    }

    int count() {
        return connected.size();
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    boolean accepts(String key) {
        return settings.accepts(key);
    }

    /** Sends bars as they come to every client subscribed to their symbols, in one frame each. */
    void publish(List<Bar> bars) {
        String everything = null;
        for (Client client : connected) {
            if (!client.authenticated()) {
                continue;
            }
            if (client.streamsAll()) {
                if (everything == null) {
                    everything = dialect.frame(bars);
                }
                client.send(everything);
                continue;
            }
            List<Bar> wanted = bars.stream().filter(bar -> client.streams(bar.symbol())).toList();
            if (!wanted.isEmpty()) {
                client.send(dialect.frame(wanted));
            }
        }
    }

    /** Sends one of our events to every client subscribed to its type for {@code symbol} or for all. */
    void publishEvent(String type, String symbol, String frame) {
        for (Client client : connected) {
            if (client.authenticated() && client.wantsEvent(type, symbol)) {
                client.send(frame);
            }
        }
    }

    /**
     * Sends each client its symbols' bars of {@code second} from {@code source}, in one frame. Each symbol's bar
     * of the second is made once, whoever asks; a second without trades is remembered too.
     */
    void emit(long second, PulledSource source) {
        Map<String, Optional<Bar>> barsOfSecond = new HashMap<>();
        for (Client client : connected) {
            if (!client.authenticated()) {
                continue;
            }
            List<Bar> frame = new ArrayList<>();
            for (String symbol : client.streamed(source.symbols())) {
                barsOfSecond.computeIfAbsent(symbol, s -> Optional.ofNullable(source.bar(s, second)))
                        .ifPresent(frame::add);
            }
            if (!frame.isEmpty()) {
                client.send(dialect.frame(frame));
            }
        }
    }

    boolean anySubscriber() {
        for (Client client : connected) {
            if (client.authenticated() && client.streamsAny()) {
                return true;
            }
        }
        return false;
    }

    /**
     * At speed 0 the market runs as fast as its clients read: true (having waited a moment) while a client is
     * behind; a client behind for too long is dropped so it cannot hold the others up.
     */
    boolean waitForClients() {
        boolean wait = false;
        long now = System.nanoTime();
        for (Client client : connected) {
            wait |= client.holdsUpThePace(now);
        }
        if (wait) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return wait;
    }
}
