package dev.tapewatch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.market.Bar;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Polygon's REST second aggregates, {@code /v2/aggs/ticker/{T}/range/1/second/{from}/{to}}, unadjusted (the
 * stream is), following {@code next_url} to the end. The key travels in an {@code Authorization: Bearer}
 * header, never in a URL, and only to the host it was configured for. 429 and 5xx answers and network errors
 * are retried with backoff (honouring {@code Retry-After}); a refused key is final.
 */
public final class PolygonRest implements SecondHistory {
    public static final URI DEFAULT_URL = URI.create("https://api.polygon.io");
    private static final int PAGE_LIMIT = 50_000;

    private final URI base;
    private final RestGet rest;

    public PolygonRest(URI base, String key) {
        this.base = URI.create(Objects.requireNonNull(base, "REST URL").toString().replaceAll("/+$", ""));
        this.rest = new RestGet(text -> Secrets.redact(text, key),
                key == null ? Map.of() : Map.of("Authorization", "Bearer " + key), "the API key");
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public long secondBars(String symbol, long from, long to, Consumer<List<Bar>> pages, BooleanSupplier cancelled)
            throws RestException {
        if (to <= from) {
            return 0;
        }
        URI next = URI.create(base + "/v2/aggs/ticker/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "/range/1/second/" + from + "/" + (to - 1) + "?adjusted=false&sort=asc&limit=" + PAGE_LIMIT);
        long count = 0;
        while (next != null && !cancelled.getAsBoolean()) {
            JsonNode body = rest.get(next, symbol, cancelled);
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
}
