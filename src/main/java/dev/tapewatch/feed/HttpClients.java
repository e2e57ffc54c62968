package dev.tapewatch.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Every {@link HttpClient} the app makes, and its requests. On cleartext {@code http://} a request speaks HTTP/1.1:
 * the JDK's default offers an {@code h2c} upgrade there, which servers that host a websocket on the same port
 * (Node's {@code ws} on an {@code http} server, a common setup) answer {@code 400 Invalid Upgrade header}. Over TLS
 * HTTP/2 is still negotiated by ALPN.
 */
public final class HttpClients {
    private HttpClients() {
    }

    /** A client that never follows redirects (one could carry credentials to another host). */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A request to {@code uri}, HTTP/1.1 when it is cleartext. */
    public static HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        return request;
    }
}
