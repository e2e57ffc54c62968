package dev.tapewatch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.market.Bar;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Alpaca's REST trades, {@code /v2/stocks/{symbol}/trades}, following {@code next_page_token} to the end, made into
 * second bars by the same {@link SecondAggregator} as the stream (REST returns the trades as finally corrected,
 * cancelled ones absent). The key id and secret travel in the {@code APCA-API-*} headers, never in a URL.
 */
public final class AlpacaRest implements SecondHistory {
    public static final URI DEFAULT_URL = URI.create("https://data.alpaca.markets");
    private static final int PAGE_LIMIT = 10_000;

    private final URI base;
    private final String feed;
    private final RestGet rest;

    public AlpacaRest(URI base, String keyId, String secret, String feed) {
        this.base = URI.create(Objects.requireNonNull(base, "REST URL").toString().replaceAll("/+$", ""));
        this.feed = feed;
        this.rest = new RestGet(text -> Secrets.redact(Secrets.redact(text, keyId), secret),
                Map.of("APCA-API-KEY-ID", keyId, "APCA-API-SECRET-KEY", secret), "the key id and secret");
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
        SecondAggregator seconds = new SecondAggregator(0, Long.MAX_VALUE / 2_000_000, Bar.Source.REST);
        String query = base + "/v2/stocks/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "/trades?start="
                + Instant.ofEpochMilli(from) + "&end=" + Instant.ofEpochMilli(to) + "&limit=" + PAGE_LIMIT
                + "&feed=" + feed;
        String token = null;
        do {
            URI page = URI.create(query + (token == null ? "" : "&page_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            JsonNode body = rest.get(page, symbol, cancelled);
            if (body == null || cancelled.getAsBoolean()) {
                return 0;
            }
            for (JsonNode row : body.path("trades")) {
                try {
                    seconds.trade(AlpacaCodec.trade(row, symbol, "i", "p", "s", "c"));
                } catch (IllegalArgumentException e) {
                    throw new RestException("Alpaca's REST answer for " + symbol + " holds a bad trade: "
                            + e.getMessage(), false, e);
                }
            }
            token = body.path("next_page_token").asText(null);
        } while (token != null && !token.isBlank());
        List<Bar> bars = new ArrayList<>();
        for (Bar bar : seconds.flush(Long.MAX_VALUE).bars()) {
            if (bar.start() >= from && bar.start() < to) {
                bars.add(bar);
            }
        }
        pages.accept(bars);
        return bars.size();
    }
}
