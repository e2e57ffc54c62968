package dev.tapewatch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.market.Bar;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polygon's REST second aggregates, {@code /v2/aggs/ticker/{T}/range/1/second/{from}/{to}}, unadjusted (the
 * stream is), following {@code next_url} to the end. The key travels in an {@code Authorization: Bearer}
 * header, never in a URL, and only to the host it was configured for. 429 and 5xx answers and network errors
 * are retried with backoff (honouring {@code Retry-After}); a refused key is final.
 */
public final class PolygonRest {
    public static final URI DEFAULT_URL = URI.create("https://api.polygon.io");
    private static final Logger LOG = LoggerFactory.getLogger(PolygonRest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_LIMIT = 50_000;
    private static final int ATTEMPTS = 6;
    private static final Backoff RETRY = new Backoff(1_000, 30_000);

    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public PolygonRest(URI base, String key) {
        this.base = URI.create(Objects.requireNonNull(base, "REST URL").toString().replaceAll("/+$", ""));
        this.key = key;
    }

    public URI base() {
        return base;
    }

    /** Every second bar of the symbol that starts in [from, to), in time order. */
    public List<Bar> secondBars(String symbol, long from, long to, BooleanSupplier cancelled) throws RestException {
        List<Bar> all = new ArrayList<>();
        secondBars(symbol, from, to, all::addAll, cancelled);
        return all;
    }

    /** Hands each page of second bars starting in [from, to) to {@code pages}, in time order; returns the count. */
    public long secondBars(String symbol, long from, long to, Consumer<List<Bar>> pages, BooleanSupplier cancelled)
            throws RestException {
        if (to <= from) {
            return 0;
        }
        URI next = URI.create(base + "/v2/aggs/ticker/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "/range/1/second/" + from + "/" + (to - 1) + "?adjusted=false&sort=asc&limit=" + PAGE_LIMIT);
        long count = 0;
        while (next != null && !cancelled.getAsBoolean()) {
            JsonNode body = get(next, symbol, cancelled);
            if (body == null) {
                break;
            }
            List<Bar> page = new ArrayList<>();
            for (JsonNode row : body.path("results")) {
                Bar bar = toBar(symbol, row);
                if (bar.start() >= from && bar.start() < to) {
                    page.add(bar);
                }
            }
            count += page.size();
            pages.accept(page);
            String nextUrl = body.path("next_url").asText(null);
            next = nextUrl == null || nextUrl.isBlank() ? null : sameHost(URI.create(nextUrl));
        }
        return count;
    }

    private static Bar toBar(String symbol, JsonNode row) throws RestException {
        try {
            long start = required(row, "t").asLong();
            return new Bar(symbol, start, start + 1000, required(row, "o").asDouble(), required(row, "h").asDouble(),
                    required(row, "l").asDouble(), required(row, "c").asDouble(), required(row, "v").asDouble(),
                    row.path("vw").isNumber() ? row.path("vw").asDouble() : required(row, "c").asDouble(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, Bar.Source.REST);
        } catch (IllegalArgumentException e) {
            throw new RestException("The provider's REST answer for " + symbol + " holds a bad bar: " + e.getMessage(),
                    false, e);
        }
    }

    private static JsonNode required(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not a number in " + row);
        }
        return value;
    }

    /** A {@code next_url} elsewhere would receive our key: refuse it. */
    private URI sameHost(URI next) throws RestException {
        if (!Objects.equals(next.getScheme(), base.getScheme()) || !Objects.equals(next.getHost(), base.getHost())
                || next.getPort() != base.getPort()) {
            throw new RestException("The provider's next page is on another host (" + next.getHost()
                    + "); not sending the key there.", false, null);
        }
        return next;
    }

    /** The page's JSON, or null when cancelled while waiting to retry. */
    private JsonNode get(URI uri, String symbol, BooleanSupplier cancelled) throws RestException {
        String shown = Secrets.redact(uri.toString(), key);
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET()
                    .header("Accept", "application/json");
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            String problem;
            long retryAfterMillis = -1;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return JSON.readTree(response.body());
                }
                if (status == 401 || status == 403) {
                    throw new RestException("The provider refused the API key for REST history (HTTP " + status
                            + " from " + shown + "). Check the key, or turn backfill off with --no-backfill.", true,
                            null);
                }
                problem = "HTTP " + status + " " + Secrets.redact(excerpt(response.body()), key);
                if (status != 429 && status < 500) {
                    throw new RestException("REST request " + shown + " for " + symbol + " failed: " + problem,
                            false, null);
                }
                retryAfterMillis = response.headers().firstValue("Retry-After").map(PolygonRest::seconds)
                        .orElse(-1L);
            } catch (IOException e) {
                problem = Secrets.redact(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()), key);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestException("Interrupted while fetching " + shown, false, e);
            }
            if (attempt >= ATTEMPTS) {
                throw new RestException("REST request " + shown + " for " + symbol + " still failing after "
                        + attempt + " attempts: " + problem, false, null);
            }
            long delay = retryAfterMillis >= 0 ? retryAfterMillis : RETRY.delay(attempt, ThreadLocalRandom.current());
            LOG.warn("REST {} failed ({}); retrying in {} ms", shown, problem, delay);
            if (!pause(delay, cancelled)) {
                return null;
            }
        }
    }

    /** Waits, looking at {@code cancelled} every 100 ms; false when cancelled. */
    private static boolean pause(long millis, BooleanSupplier cancelled) throws RestException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestException("Interrupted while waiting to retry", false, e);
            }
        }
        return !cancelled.getAsBoolean();
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.min(120_000, Long.parseLong(retryAfter.trim()) * 1000);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
