package dev.tapewatch.serve;

import dev.tapewatch.feed.JulLogging;
import dev.tapewatch.market.Bar;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a pulled market ({@link MarketServer}) and a pushed relay ({@link RelayServer}) serve alike: a
 * {@link Dialect}'s websocket (its {@link Clients}) and REST route on 127.0.0.1 via {@link LoopbackServer}, REST
 * answering from a {@link ServedHistory} up to the market's now.
 */
public abstract sealed class DialectServer implements AutoCloseable permits MarketServer, RelayServer {
    private final ServerSettings settings;
    private final ServedHistory history;
    private final LongSupplier marketNow;
    private final ScheduledExecutorService timers;
    private final Clients clients;
    private final LoopbackServer server;

    /** {@code threads} makes the server's threads (the app owns thread creation: {@code Threads::named}). */
    DialectServer(ServerSettings settings, ServedHistory history, LongSupplier marketNow,
                  Function<String, ThreadFactory> threads) throws IOException {
        JulLogging.routeToSlf4j();
        this.settings = settings;
        this.history = history;
        this.marketNow = marketNow;
        this.timers = Executors.newSingleThreadScheduledExecutor(threads.apply("market-timers"));
        boolean alpaca = settings.protocol() == ServerSettings.Protocol.ALPACA;
        Dialect dialect = alpaca ? new AlpacaDialect() : new PolygonDialect();
        this.clients = new Clients(settings, dialect, timers);
        ServerEndpointConfig endpoint = LoopbackServer.endpoint(dialect.path(), Client.class, clients::connect);
        this.server = LoopbackServer.start(settings.port(), endpoint,
                alpaca ? new TradesRoute(this) : new AggregatesRoute(this));
    }

    Clients clients() {
        return clients;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** The base URL to give a Polygon client: {@code ws://127.0.0.1:PORT} (the client adds {@code /stocks}). */
    public URI url() {
        return server.websocketUri();
    }

    public URI restUrl() {
        return server.httpUri();
    }

    public int port() {
        return server.port();
    }

    /** Bars of a symbol in [from, to) that the market has already served (the future is not served). */
    List<Bar> history(String symbol, long from, long to) {
        long until = Math.min(to, Math.floorDiv(marketNow.getAsLong(), 1000) * 1000);
        return from < until ? history.history(symbol, from, until) : List.of();
    }

    boolean acceptsKey(String key) {
        return clients.accepts(key);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        server.close();
    }
}
