package dev.tapewatch.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.market.ExchangeTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An alert as JSON, what webhooks, commands and relay clients get: snake_case fields, unknown figures null,
 * {@code time} ISO-8601 in exchange time with its offset, {@code start_ms} and {@code time_ms} epoch milliseconds.
 */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    public static ObjectNode fields(Alert alert) {
        ObjectNode node = JSON.createObjectNode();
        node.put("symbol", alert.symbol());
        node.put("kind", alert.kind().id());
        if (alert.spikeKind() != null) {
            node.put("spike_kind", alert.spikeKind().name().toLowerCase(java.util.Locale.ROOT));
        }
        node.put("what", alert.what());
        node.put("direction", alert.direction().id());
        node.put("score", alert.score());
        number(node, "price", alert.price());
        number(node, "from_price", alert.fromPrice());
        number(node, "change_pct", round(alert.changePercent(), 4));
        number(node, "low", alert.low());
        number(node, "high", alert.high());
        number(node, "volume", alert.volume());
        number(node, "day_volume", alert.dayVolume());
        number(node, "volume_multiple", round(alert.volumeMultiple(), 2));
        number(node, "relative_volume", round(alert.relativeVolume(), 2));
        node.put("start_ms", alert.startMs());
        node.put("time_ms", alert.time());
        node.put("time", iso(alert.time()));
        node.put("message", alert.text());
        return node;
    }

    public static String text(Alert alert) {
        return fields(alert).toString();
    }

    /** An alert back from its JSON ({@link #text}), as the alert log keeps it. */
    public static Alert parse(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
            String spikeKind = node.path("spike_kind").asText("");
            return new Alert(node.get("time_ms").asLong(), node.get("symbol").asText(),
                    Alert.Kind.valueOf(node.get("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                    node.get("what").asText(), node.get("score").asDouble(), node.get("start_ms").asLong(),
                    number(node, "from_price"), number(node, "price"), number(node, "low"), number(node, "high"),
                    number(node, "volume"), number(node, "day_volume"), number(node, "volume_multiple"),
                    number(node, "relative_volume"), spikeKind.isEmpty() ? null
                            : dev.tapewatch.market.Spike.Kind.valueOf(spikeKind.toUpperCase(java.util.Locale.ROOT)));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an alert's JSON: " + e.getMessage(), e);
        }
    }

    private static double number(com.fasterxml.jackson.databind.JsonNode node, String name) {
        com.fasterxml.jackson.databind.JsonNode value = node.path(name);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    /** "2024-01-02T10:00:01-05:00". */
    static String iso(long epochMillis) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ExchangeTime.ZONE));
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Double.isFinite(value) ? Math.round(value * scale) / scale : value;
    }
}
