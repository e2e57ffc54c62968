package dev.tapewatch.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on 127.0.0.1 that answers 500 to its first {@code failFirst} posts, then 204. */
public final class HookReceiver implements AutoCloseable {
    /** One post as received: its path and query, body, content type, and when it arrived (System.nanoTime). */
    public record Post(String target, String body, String contentType, long nanos) {
    }

    private final HttpServer server;
    private final List<Post> posts = new ArrayList<>();
    private final AtomicInteger tries = new AtomicInteger();

    public HookReceiver(int failFirst) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = tries.incrementAndGet() <= failFirst ? 500 : 204;
            if (status == 204 && exchange.getRequestMethod().equals("POST")) {
                synchronized (posts) {
                    posts.add(new Post(exchange.getRequestURI().toString(), new String(body, StandardCharsets.UTF_8),
                            exchange.getRequestHeaders().getFirst("Content-Type"), System.nanoTime()));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** Posts answered 204, in arrival order. */
    public List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** Every try, failed ones included. */
    public int tries() {
        return tries.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
