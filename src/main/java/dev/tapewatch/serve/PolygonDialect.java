package dev.tapewatch.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Polygon's stocks stream at {@code /stocks}: {@code A.<symbol>} per-second aggregates; and our own events, only
 * for a client that asks for them ({@code SPIKE.<symbol>}, {@code ALERT.<symbol>}, {@code *} for all).
 */
final class PolygonDialect implements Dialect {

    @Override
    public String path() {
        return "/stocks";
    }

    @Override
    public String connected() {
        return PolygonCodec.status("connected", "Connected Successfully");
    }

    @Override
    public String authTimeout() {
        return PolygonCodec.status("auth_timeout", "No authentication request received.");
    }

    @Override
    public String authenticated() {
        return PolygonCodec.status("auth_success", "authenticated");
    }

    @Override
    public String authFailed() {
        return PolygonCodec.status("auth_failed", "authentication failed");
    }

    @Override
    public String error(String message) {
        return PolygonCodec.status("error", message);
    }

    @Override
    public String slowConsumer() {
        return error("slow consumer: the client did not keep up and was disconnected");
    }

    @Override
    public Request read(JsonNode message) {
        String action = message.path("action").asText("");
        String params = message.path("params").asText("");
        if (action.equals("auth")) {
            return new Request(action, params, List.of());
        }
        List<Target> targets = new ArrayList<>();
        for (String raw : params.split(",")) {
            String param = raw.trim();
            int dot = param.indexOf('.');
            String channel = dot > 0 ? param.substring(0, dot).toUpperCase(Locale.ROOT) : "";
            boolean known = channel.equals(Target.BARS) || RelayServer.EVENT_TYPES.contains(channel);
            String symbol = known ? param.substring(dot + 1).toUpperCase(Locale.ROOT) : null;
            targets.add(new Target(symbol != null && (symbol.equals("*") || Symbols.isValid(symbol)) ? symbol : null,
                    param, channel));
        }
        return new Request(action, null, targets);
    }

    @Override
    public List<String> acknowledge(boolean subscribe, List<Target> applied, Set<String> symbols, boolean all) {
        List<String> acks = new ArrayList<>();
        for (Target target : applied) {
            acks.add(PolygonCodec.status("success", (subscribe ? "subscribed to: " : "unsubscribed to: ")
                    + target.raw()));
        }
        return acks;
    }

    @Override
    public String frame(List<Bar> bars) {
        return PolygonCodec.bars(bars);
    }
}
