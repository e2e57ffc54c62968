package dev.tapewatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.feed.Trade;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.sim.SimulatedTrades;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alpaca's market data v2 stream at {@code /v2/{feed}} (any feed): key id and secret, the {@code trades} channel,
 * and each second's bar sent as the trades behind it ({@link SimulatedTrades}); JSON text, or msgpack to a client that
 * asks for it.
 */
final class AlpacaDialect implements Dialect {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Alpaca speaks msgpack to a client that asks with {@code Content-Type: application/msgpack}. */
    @Override
    public boolean speaksMsgpack() {
        return true;
    }

    @Override
    public String path() {
        return "/v2/{feed}";
    }

    @Override
    public String connected() {
        return "[{\"T\":\"success\",\"msg\":\"connected\"}]";
    }

    @Override
    public String authTimeout() {
        return "[{\"T\":\"error\",\"code\":404,\"msg\":\"auth timeout\"}]";
    }

    @Override
    public String authenticated() {
        return "[{\"T\":\"success\",\"msg\":\"authenticated\"}]";
    }

    @Override
    public String authFailed() {
        return "[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]";
    }

    @Override
    public String error(String message) {
        ObjectNode error = JSON.createObjectNode().put("T", "error").put("code", 400).put("msg", message);
        return "[" + error + "]";
    }

    @Override
    public String slowConsumer() {
        return "[{\"T\":\"error\",\"code\":407,\"msg\":\"slow client\"}]";
    }

    @Override
    public Request read(JsonNode message) {
        String action = message.path("action").asText("");
        if (action.equals("auth")) {
            boolean secret = !message.path("secret").asText("").isBlank();
            return new Request(action, secret ? message.path("key").asText(null) : null, List.of());
        }
        List<Target> targets = new ArrayList<>();
        for (JsonNode trade : message.path("trades")) {
            String symbol = trade.asText("").toUpperCase(Locale.ROOT);
            targets.add(new Target(symbol.equals("*") || Symbols.isValid(symbol) ? symbol : null, trade.asText("")));
        }
        return new Request(action, null, targets);
    }

    /** Alpaca answers with the whole current list. */
    @Override
    public List<String> acknowledge(boolean subscribe, List<Target> applied, Set<String> symbols, boolean all) {
        ObjectNode subscription = JSON.createObjectNode().put("T", "subscription");
        ArrayNode trades = subscription.putArray("trades");
        if (all) {
            trades.add("*");
        }
        new TreeSet<>(symbols).forEach(trades::add);
        subscription.putArray("quotes");
        subscription.putArray("bars");
        return List.of("[" + subscription + "]");
    }

    @Override
    public String frame(List<Bar> bars) {
        ArrayNode frame = JSON.createArrayNode();
        for (Bar bar : bars) {
            for (Trade trade : SimulatedTrades.of(bar)) {
                ObjectNode message = frame.addObject().put("T", "t");
                row(message, trade).put("S", trade.symbol());
            }
        }
        return frame.toString();
    }

    /** A trade's fields as the stream and REST both write them. */
    static ObjectNode row(ObjectNode node, Trade trade) {
        node.put("i", trade.id()).put("x", "V").put("p", trade.price()).put("s", trade.size())
                .put("t", Instant.ofEpochSecond(0, trade.nanos()).toString()).put("z", "C");
        ArrayNode conditions = node.putArray("c");
        trade.conditions().forEach(conditions::add);
        return node;
    }
}
