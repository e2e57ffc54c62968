package dev.tapewatch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Alpaca's market data v2 stream format, for trades (see {@code docs/protocols.md}): frames are JSON arrays of
 * messages told apart by {@code T}: {@code t} trade, {@code c} correction, {@code x} cancel, and the control
 * messages {@code success}, {@code error} and {@code subscription}. Anything else is reported as unknown; a
 * message that cannot be read is a problem, never a trade.
 */
public final class AlpacaCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 160;

    /** Trade {@code originalId} of {@code symbol} is replaced by {@code corrected}. */
    public record Correction(String symbol, long originalId, Trade corrected) {
    }

    /** Trade {@code id} of {@code symbol} is cancelled (or was an error). */
    public record Cancel(String symbol, long id) {
    }

    /** {@code success}, {@code error} (with its code) or {@code subscription} (with the trades list). */
    public record Control(String type, int code, String message, List<String> trades) {
    }

    public record Decoded(List<Trade> trades, List<Correction> corrections, List<Cancel> cancels,
                          List<Control> controls, List<String> problems, List<String> unknown) {
    }

    private AlpacaCodec() {
    }

    public static Decoded decode(String frame) {
        List<Trade> trades = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        List<Cancel> cancels = new ArrayList<>();
        List<Control> controls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (Exception e) {
            problems.add("not JSON: " + excerpt(frame));
            return new Decoded(trades, corrections, cancels, controls, problems, unknown);
        }
        if (!root.isArray()) {
            problems.add("not an array: " + excerpt(frame));
            return new Decoded(trades, corrections, cancels, controls, problems, unknown);
        }
        for (JsonNode message : root) {
            String type = message.path("T").asText("");
            try {
                switch (type) {
                    case "t" -> trades.add(trade(message, text(message, "S"), "i", "p", "s", "c"));
                    case "c" -> corrections.add(new Correction(text(message, "S"), number(message, "oi"),
                            trade(message, text(message, "S"), "ci", "cp", "cs", "cc")));
                    case "x" -> cancels.add(new Cancel(text(message, "S"), number(message, "i")));
                    case "success", "error", "subscription" -> controls.add(new Control(type,
                            message.path("code").asInt(0), message.path("msg").asText(""), list(message, "trades")));
                    default -> unknown.add(type.isEmpty() ? "(no T)" : type);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + ": " + excerpt(message.toString()));
            }
        }
        return new Decoded(trades, corrections, cancels, controls, problems, unknown);
    }

    /** A trade from a stream message or a REST trade ({@code symbol} given, as REST names it once per page). */
    static Trade trade(JsonNode node, String symbol, String id, String price, String size, String conditions) {
        double p = node.path(price).asDouble(Double.NaN);
        double s = node.path(size).asDouble(Double.NaN);
        if (!(p > 0) || !(s >= 0)) {
            throw new IllegalArgumentException("a trade without a positive price and a size");
        }
        return new Trade(symbol, number(node, id), nanos(text(node, "t")), p, s, list(node, conditions));
    }

    /** Epoch nanoseconds of an RFC 3339 time with up to nine decimals of a second. */
    public static long nanos(String rfc3339) {
        try {
            Instant instant = Instant.parse(rfc3339);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: '" + rfc3339 + "'");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("no whole number " + field);
        }
        return value.asLong();
    }

    private static List<String> list(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    public static String auth(String key, String secret) {
        ObjectNode message = JSON.createObjectNode();
        message.put("action", "auth").put("key", key).put("secret", secret);
        return message.toString();
    }

    /** {@code subscribe} or {@code unsubscribe} of the trades of these symbols. */
    public static String trades(String action, Collection<String> symbols) {
        ObjectNode message = JSON.createObjectNode();
        message.put("action", action);
        ArrayNode trades = message.putArray("trades");
        symbols.forEach(trades::add);
        return message.toString();
    }
}
