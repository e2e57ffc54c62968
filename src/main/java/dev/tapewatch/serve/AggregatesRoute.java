package dev.tapewatch.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Symbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Polygon's REST aggregates, {@code /v2/aggs/ticker/{T}/range/1/second/{from}/{to}}, over what the server serves. */
final class AggregatesRoute implements LoopbackServer.HttpRoute {
    private static final Pattern PATH = Pattern.compile("/v2/aggs/ticker/([^/]+)/range/(\\d+)/([a-z]+)/([^/]+)/([^/]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 50_000;

    private final DialectServer server;

    AggregatesRoute(DialectServer server) {
        this.server = server;
    }

    @Override
    public LoopbackServer.Reply get(LoopbackServer.HttpGet request) {
        String path = request.path();
        Map<String, String> query = request.query();
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return error(404, "NOT_FOUND", "no such resource: " + path);
        }
        if (!server.acceptsKey(request.key())) {
            return error(401, "NOT_AUTHORIZED", "Unknown API Key");
        }
        String ticker = matcher.group(1);
        if (!Symbols.isValid(ticker)) {
            return error(400, "ERROR", "not a ticker: " + ticker);
        }
        if (!matcher.group(2).equals("1") || !matcher.group(3).equals("second")) {
            return error(400, "ERROR", "the simulator serves 1/second aggregates only");
        }
        long from;
        long to;
        try {
            from = parseTime(matcher.group(4), false);
            to = parseTime(matcher.group(5), true);
        } catch (DateTimeParseException | NumberFormatException e) {
            return error(400, "ERROR", "from and to must be YYYY-MM-DD or epoch milliseconds");
        }
        int limit;
        try {
            limit = Math.min(MAX_LIMIT, Integer.parseInt(query.getOrDefault("limit", "5000")));
        } catch (NumberFormatException e) {
            return error(400, "ERROR", "limit must be a whole number");
        }
        if (limit < 1) {
            return error(400, "ERROR", "limit must be at least 1");
        }
        List<Bar> bars = server.history(ticker, from, to);
        List<Bar> page = bars.subList(0, Math.min(limit, bars.size()));
        String nextUrl = null;
        if (bars.size() > page.size()) {
            long next = page.get(page.size() - 1).start() + 1000;
            nextUrl = request.base(server.restUrl()) + "/v2/aggs/ticker/" + ticker + "/range/1/second/" + next
                    + "/" + to
                    + "?adjusted=" + query.getOrDefault("adjusted", "true") + "&sort=asc&limit=" + limit;
        }
        boolean adjusted = Boolean.parseBoolean(query.getOrDefault("adjusted", "true"));
        return LoopbackServer.Reply.json(200, PolygonCodec.aggregatesPage(ticker, adjusted, page, nextUrl));
    }

    private static long parseTime(String text, boolean endOfDay) {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate date = LocalDate.parse(text);
            return endOfDay ? ExchangeTime.endOfDay(date) : ExchangeTime.startOfDay(date);
        }
        return Long.parseLong(text);
    }

    private static LoopbackServer.Reply error(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", code);
        body.put("request_id", UUID.randomUUID().toString());
        body.put("error", message);
        return LoopbackServer.Reply.json(status, body.toString());
    }
}
