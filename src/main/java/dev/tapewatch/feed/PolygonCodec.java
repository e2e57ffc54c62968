package dev.tapewatch.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.tapewatch.market.Bar;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Polygon's stocks websocket wire format. Server frames are JSON arrays of events of mixed types; every
 * element is decoded on its own, so one bad element never costs the good ones beside it.
 */
public final class PolygonCodec {
    /**
     * NaN is accepted by the parser so that a NaN field rejects only its own bar, not the whole frame. Numbers
     * are parsed with Jackson's fast double parser: the JDK's took most of the decoding time (profiled), and
     * both give the correctly rounded double.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final int EXCERPT = 160;

    public record Status(String status, String message) {
    }

    /** What one frame held: bars, status events, and what was skipped and why. */
    public record Decoded(List<Bar> bars, List<Status> statuses, List<String> problems, List<String> unknownEvents) {
        public int malformed() {
            return problems.size();
        }
    }

    private PolygonCodec() {
    }

    /**
     * Decodes any frame, whatever its shape, judging every element on its own. A feed decodes with a
     * {@link PolygonDecoder}, which reads the usual frames faster and hands the rest to this.
     */
    public static Decoded decode(String frame) {
        PolygonEvent.Frame decoded = new PolygonEvent.Frame();
        PolygonEvent event = new PolygonEvent();
        try (JsonParser parser = JSON.createParser(frame)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                event.read(parser);
                decoded.add(event);
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken token;
                while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                    event.read(parser);
                    decoded.add(event);
                }
                if (token != JsonToken.END_ARRAY) {
                    decoded.problem("element " + decoded.elements() + " is not a JSON object: " + excerpt(frame));
                }
            } else {
                decoded.problem("frame is not a JSON array: " + excerpt(frame));
            }
        } catch (IOException e) {
            decoded.problem("malformed JSON (" + firstLine(e.getMessage()) + "): " + excerpt(frame));
        }
        return decoded.decoded();
    }

    public static String auth(String key) {
        return write(g -> {
            g.writeStringField("action", "auth");
            g.writeStringField("params", key);
        });
    }

    public static String subscribe(Collection<String> symbols) {
        return action("subscribe", symbols);
    }

    public static String unsubscribe(Collection<String> symbols) {
        return action("unsubscribe", symbols);
    }

    private static String action(String action, Collection<String> symbols) {
        String params = symbols.stream().map(s -> "*".equals(s) ? "A.*" : "A." + s).collect(Collectors.joining(","));
        return write(g -> {
            g.writeStringField("action", action);
            g.writeStringField("params", params);
        });
    }

    /** A frame holding one status event, as servers send it. */
    public static String status(String status, String message) {
        return "[" + write(g -> {
            g.writeStringField("ev", "status");
            g.writeStringField("status", status);
            g.writeStringField("message", message);
        }) + "]";
    }

    /** A frame of per-second aggregate events. */
    public static String bars(Collection<Bar> bars) {
        StringWriter out = new StringWriter(bars.size() * 220 + 2);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Bar bar : bars) {
                writeBar(g, bar);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeBar(JsonGenerator g, Bar bar) throws IOException {
        g.writeStartObject();
        g.writeStringField("ev", bar.end() - bar.start() >= 60_000 ? "AM" : "A");
        g.writeStringField("sym", bar.symbol());
        number(g, "v", bar.volume());
        optionalNumber(g, "av", bar.accumulatedVolume());
        optionalNumber(g, "op", bar.dayOpen());
        number(g, "vw", bar.vwap());
        number(g, "o", bar.open());
        number(g, "c", bar.close());
        number(g, "h", bar.high());
        number(g, "l", bar.low());
        optionalNumber(g, "a", bar.dayVwap());
        optionalNumber(g, "z", bar.averageTradeSize());
        g.writeNumberField("s", bar.start());
        g.writeNumberField("e", bar.end());
        if (bar.otc()) {
            g.writeBooleanField("otc", true);
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            g.writeNumberField(name, (long) value);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void optionalNumber(JsonGenerator g, String name, double value) throws IOException {
        if (!Double.isNaN(value)) {
            number(g, name, value);
        }
    }

    /**
     * A page of REST second aggregates as Polygon answers {@code /v2/aggs/ticker/…}, for servers that speak it:
     * {@code o h l c v vw n t} per bar ({@code n} from the average trade size where known), and {@code next_url}
     * unless null. {@link PolygonRest} reads this format.
     */
    public static String aggregatesPage(String ticker, boolean adjusted, List<Bar> page, String nextUrl) {
        StringWriter out = new StringWriter(page.size() * 120 + 200);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ticker", ticker);
            g.writeBooleanField("adjusted", adjusted);
            g.writeNumberField("queryCount", page.size());
            g.writeNumberField("resultsCount", page.size());
            g.writeStringField("status", "OK");
            g.writeStringField("request_id", java.util.UUID.randomUUID().toString());
            g.writeArrayFieldStart("results");
            for (Bar bar : page) {
                g.writeStartObject();
                g.writeNumberField("o", bar.open());
                g.writeNumberField("h", bar.high());
                g.writeNumberField("l", bar.low());
                g.writeNumberField("c", bar.close());
                g.writeNumberField("v", bar.volume());
                g.writeNumberField("vw", bar.vwap());
                if (bar.averageTradeSize() > 0) {
                    g.writeNumberField("n", Math.max(1, Math.round(bar.volume() / bar.averageTradeSize())));
                }
                g.writeNumberField("t", bar.start());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (nextUrl != null) {
                g.writeStringField("next_url", nextUrl);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String excerpt(String text) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "… (" + flat.length() + " chars)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
