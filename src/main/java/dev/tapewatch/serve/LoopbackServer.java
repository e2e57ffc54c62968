package dev.tapewatch.serve;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A websocket (and plain HTTP) server on 127.0.0.1 only: Grizzly's listener bound to the loopback address
 * with Tyrus's websocket engine plugged in. Tyrus's own {@code Server} binds 0.0.0.0 whatever host it is
 * given, which would expose a local feed to the network.
 */
public final class LoopbackServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    /** Answers plain HTTP GET requests that are not websocket upgrades. */
    public interface HttpRoute {
        Reply get(HttpGet request);
    }

    /**
     * A GET request: path, query parameters, the key of an {@code Authorization: Bearer} header (or null), and the
     * other headers by lower-case name.
     */
    public record HttpGet(String path, Map<String, String> query, String bearer, Map<String, String> headers) {
        /** The key the client sent: the Bearer header, else an {@code apiKey} query parameter. */
        public String key() {
            return bearer != null ? bearer : query.get("apiKey");
        }

        /** The base URL the client reached us by (its Host header: a proxy's, say), else {@code fallback}. */
        public String base(java.net.URI fallback) {
            String host = headers.get("host");
            return host != null && host.matches("[A-Za-z0-9.\\-]+(:\\d+)?|\\[[0-9A-Fa-f:.]+](:\\d+)?")
                    ? "http://" + host : fallback.toString();
        }
    }

    public record Reply(int status, String contentType, String body) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }
    }

    private final HttpServer http;
    private final NetworkListener listener;

    private LoopbackServer(HttpServer http, NetworkListener listener) {
        this.http = http;
        this.listener = listener;
    }

    /** A websocket endpoint at {@code path} whose connections each get a new instance from {@code connections}. */
    public static <T extends jakarta.websocket.Endpoint> ServerEndpointConfig endpoint(String path, Class<T> type,
                                                                                     Supplier<T> connections) {
        return endpoint(path, type, headers -> connections.get());
    }

    /**
     * As {@link #endpoint(String, Class, Supplier)}, each connection made knowing its upgrade request's headers
     * (lower-case names). Tyrus asks for the instance on the thread that handled that handshake, just after it.
     */
    public static <T extends jakarta.websocket.Endpoint> ServerEndpointConfig endpoint(
            String path, Class<T> type, java.util.function.Function<Map<String, String>, T> connections) {
        ThreadLocal<Map<String, String>> handshake = new ThreadLocal<>();
        return ServerEndpointConfig.Builder.create(type, path).configurator(new ServerEndpointConfig.Configurator() {
            @Override
            public void modifyHandshake(ServerEndpointConfig config, jakarta.websocket.server.HandshakeRequest request,
                                        jakarta.websocket.HandshakeResponse response) {
                Map<String, String> headers = new HashMap<>();
                request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                        String.join(",", values)));
                handshake.set(headers);
            }

            @Override
            public <E> E getEndpointInstance(Class<E> requested) {
                Map<String, String> headers = handshake.get();
                handshake.remove();
                return requested.cast(connections.apply(headers == null ? Map.of() : headers));
            }
        }).build();
    }

    /** Starts serving {@code endpoint} (and {@code route} for other GETs) on the port; 0 picks a free one. */
    public static LoopbackServer start(int port, ServerEndpointConfig endpoint, HttpRoute route) throws IOException {
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("tapewatch-feed", HOST, port);
        http.addListener(listener);
        EngineContainer container = new EngineContainer();
        try {
            container.register(endpoint);
        } catch (DeploymentException e) {
            throw new IOException("cannot deploy websocket endpoint " + endpoint.getPath(), e);
        }
        listener.registerAddOn(tyrusAddOn(container));
        if (route != null) {
            http.getServerConfiguration().addHttpHandler(new RouteHandler(route));
        }
        http.start();
        return new LoopbackServer(http, listener);
    }

    /**
     * Tyrus's Grizzly add-on has a package-private constructor; it is the supported way to put Tyrus on a
     * Grizzly listener, so we reach it reflectively rather than copy it.
     */
    private static AddOn tyrusAddOn(ServerContainer container) throws IOException {
        try {
            Class<?> type = Class.forName("org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn");
            Constructor<?> constructor = type.getDeclaredConstructor(ServerContainer.class, String.class);
            constructor.setAccessible(true);
            return (AddOn) constructor.newInstance(container, "");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("Tyrus's Grizzly websocket add-on is not usable: " + e, e);
        }
    }

    public int port() {
        return listener.getPort();
    }

    /** The base URL a Polygon client is given, e.g. {@code ws://127.0.0.1:8765}. */
    public URI websocketUri() {
        return URI.create("ws://" + HOST + ":" + port());
    }

    public URI httpUri() {
        return URI.create("http://" + HOST + ":" + port());
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    /** A server container that only holds an engine: no listener of its own. */
    private static final class EngineContainer extends TyrusServerContainer {
        private final TyrusWebSocketEngine engine = TyrusWebSocketEngine.builder(this).build();

        EngineContainer() {
            super(Set.<Class<?>>of());
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "");
        }

        @Override
        public void register(ServerEndpointConfig config) throws DeploymentException {
            engine.register(config, "");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }
    }

    private static final class RouteHandler extends HttpHandler {
        private final HttpRoute route;

        RouteHandler(HttpRoute route) {
            this.route = route;
        }

        @Override
        public void service(Request request, Response response) throws IOException {
            Map<String, String> query = new HashMap<>();
            for (String name : request.getParameterNames()) {
                query.put(name, request.getParameter(name));
            }
            String authorization = request.getHeader("Authorization");
            String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authorization.substring(7).trim() : null;
            Map<String, String> headers = new HashMap<>();
            for (String name : request.getHeaderNames()) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeader(name));
            }
            Reply reply = route.get(new HttpGet(request.getRequestURI(), query, bearer, headers));
            response.setStatus(reply.status());
            response.setContentType(reply.contentType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(reply.body());
        }
    }
}
