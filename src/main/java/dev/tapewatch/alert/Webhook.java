package dev.tapewatch.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * POSTs each alert to a URL (java.net.http, HTTP/1.1: a cleartext receiver need not speak h2c). The URL is a
 * secret (chat services put their token in its path or query), so it is shown only as scheme, host and port.
 * 2xx is delivered; 5xx, 408, 429 and a receiver that cannot be reached are tried again; any other answer is a
 * mistake in the URL or the body that repeating will not fix.
 */
public final class Webhook implements AlertSink {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final URI url;
    private final BodyTemplate body;
    private final HttpClient client;

    public Webhook(URI url, BodyTemplate body) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("a webhook needs an http:// or https:// URL with a host, was "
                    + shown(url));
        }
        this.url = url;
        this.body = body;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** "https://hooks.example.com/…": what may be printed of a webhook URL. */
    public static String shown(URI url) {
        String host = url.getHost() == null ? "?" : url.getHost();
        boolean more = (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))
                || url.getRawQuery() != null || url.getRawFragment() != null;
        return (url.getScheme() == null ? "" : url.getScheme() + "://") + host
                + (url.getPort() >= 0 ? ":" + url.getPort() : "") + (more ? "/…" : "");
    }

    @Override
    public String describe() {
        return "webhook " + shown(url);
    }

    /**
     * One POST to a throwaway receiver of our own on loopback: the HTTP client's first exchange costs about half
     * a second of class loading on a cold JVM, which the first alert would otherwise wait for.
     */
    @Override
    public void warmUp() {
        try (java.net.ServerSocket local = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            local.setSoTimeout(5_000);
            var answer = client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.getLocalPort()
                    + "/")).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            try (java.net.Socket socket = local.accept()) {
                socket.getInputStream().read(new byte[4096]);
                socket.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
            answer.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // only a warm-up: the first alert pays for it instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Outcome deliver(Alert alert) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", body.contentType()).header("User-Agent", "tapewatch")
                .POST(HttpRequest.BodyPublishers.ofString(body.body(alert), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.DELIVERED;
            }
            String problem = "answered HTTP " + status + said(response.body());
            return status >= 500 || status == 408 || status == 429 ? Outcome.retry(problem) : Outcome.failed(problem
                    + " (check the URL and the body template; not tried again)");
        } catch (IOException e) {
            return Outcome.retry("unreachable (" + redact(e.toString()) + ")");
        }
    }

    private String said(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? "" : ": " + redact(trimmed.length() > 200 ? trimmed.substring(0, 200) + "…"
                : trimmed);
    }

    /** A message that may quote the URL (an exception, a receiver's error page) without its secret part. */
    private String redact(String text) {
        String result = text.replace(url.toString(), shown(url));
        if (url.getRawPath() != null && url.getRawPath().length() > 1) {
            result = result.replace(url.getRawPath(), "/…");
        }
        if (url.getRawQuery() != null) {
            result = result.replace(url.getRawQuery(), "…");
        }
        return result;
    }
}
