package dev.tapewatch.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.feed.AlpacaCodec;
import dev.tapewatch.feed.Trade;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.sim.SimulatedTrades;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpaca's REST trades, {@code /v2/stocks/{symbol}/trades?start&end&limit&page_token}, from the seconds the market
 * has served: the same trades the stream sent ({@link SimulatedTrades}), paged by {@code next_page_token}.
 */
final class TradesRoute implements LoopbackServer.HttpRoute {
    private static final Pattern PATH = Pattern.compile("/v2/stocks/([^/]+)/trades");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 10_000;

    private final DialectServer server;

    TradesRoute(DialectServer server) {
        this.server = server;
    }

    @Override
    public LoopbackServer.Reply get(LoopbackServer.HttpGet request) {
        Matcher matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            return error(404, "no such resource: " + request.path());
        }
        if (!server.acceptsKey(request.headers().get("apca-api-key-id"))
                || request.headers().getOrDefault("apca-api-secret-key", "").isBlank()) {
            return error(403, "forbidden");
        }
        String symbol = matcher.group(1);
        if (!Symbols.isValid(symbol)) {
            return error(400, "invalid symbol: " + symbol);
        }
        long start;
        long end;
        int offset;
        int limit;
        try {
            start = AlpacaCodec.nanos(request.query().get("start"));
            end = AlpacaCodec.nanos(request.query().get("end"));
            offset = Integer.parseInt(request.query().getOrDefault("page_token", "0"));
            limit = Math.min(MAX_LIMIT, Integer.parseInt(request.query().getOrDefault("limit", "1000")));
        } catch (IllegalArgumentException | NullPointerException e) {
            return error(400, "start and end must be RFC 3339 times; limit and page_token numbers");
        }
        if (limit < 1 || offset < 0) {
            return error(400, "limit must be at least 1 and page_token one this server gave");
        }
        List<Trade> trades = new ArrayList<>();
        for (Bar bar : server.history(symbol, Math.floorDiv(start, 1_000_000_000L) * 1000,
                Math.floorDiv(end, 1_000_000_000L) * 1000 + 1000)) {
            for (Trade trade : SimulatedTrades.of(bar)) {
                if (trade.nanos() >= start && trade.nanos() < end) {
                    trades.add(trade);
                }
            }
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode page = body.putArray("trades");
        int until = Math.min(trades.size(), offset + limit);
        for (Trade trade : trades.subList(Math.min(offset, until), until)) {
            AlpacaDialect.row(page.addObject(), trade);
        }
        body.put("symbol", symbol);
        if (until < trades.size()) {
            body.put("next_page_token", Integer.toString(until));
        } else {
            body.putNull("next_page_token");
        }
        return LoopbackServer.Reply.json(200, body.toString());
    }

    private static LoopbackServer.Reply error(int status, String message) {
        return LoopbackServer.Reply.json(status, JSON.createObjectNode().put("message", message).toString());
    }
}
