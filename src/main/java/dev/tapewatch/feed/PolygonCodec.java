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
import java.util.ArrayList;
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

    public static Decoded decode(String frame) {
        List<Bar> bars = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Event event = new Event();
        try (JsonParser parser = JSON.createParser(frame)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readElement(parser, event, 0, bars, statuses, problems, unknown);
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                JsonToken token;
                while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                    readElement(parser, event, index++, bars, statuses, problems, unknown);
                }
                if (token != JsonToken.END_ARRAY) {
                    problems.add("element " + index + " is not a JSON object: " + excerpt(frame));
                }
            } else {
                problems.add("frame is not a JSON array: " + excerpt(frame));
            }
        } catch (IOException e) {
            problems.add("malformed JSON (" + firstLine(e.getMessage()) + "): " + excerpt(frame));
        }
        return new Decoded(bars, statuses, problems, unknown);
    }

    private static void readElement(JsonParser parser, Event event, int index, List<Bar> bars,
                                    List<Status> statuses, List<String> problems, List<String> unknown)
            throws IOException {
        event.read(parser);
        if (event.ev == null) {
            problems.add("element " + index + " has no \"ev\"");
            return;
        }
        switch (event.ev) {
            case "A", "AM" -> {
                String missing = event.missingBarField();
                if (missing != null) {
                    problems.add("element " + index + " (" + event.ev + " " + event.sym + "): missing or non-numeric \""
                            + missing + "\"");
                    return;
                }
                try {
                    bars.add(event.toBar());
                } catch (IllegalArgumentException e) {
                    problems.add("element " + index + ": " + e.getMessage());
                }
            }
            case "status" -> statuses.add(new Status(event.status, event.message));
            default -> unknown.add(event.ev);
        }
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

    /** One event's fields, reused across elements to keep decoding allocation-light. */
    private static final class Event {
        private static final String[] BAR_FIELDS = {"s", "e", "o", "h", "l", "c", "v", "vw"};
        String ev;
        String sym;
        String status;
        String message;
        boolean otc;
        long start;
        long end;
        double open;
        double high;
        double low;
        double close;
        double volume;
        double vwap;
        double accumulated;
        double dayOpen;
        double dayVwap;
        double averageSize;
        int present;

        void read(JsonParser parser) throws IOException {
            ev = sym = status = message = null;
            otc = false;
            accumulated = dayOpen = dayVwap = averageSize = Double.NaN;
            present = 0;
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "ev" -> ev = text(parser, value);
                    case "sym" -> sym = text(parser, value);
                    case "status" -> status = text(parser, value);
                    case "message" -> message = text(parser, value);
                    case "otc" -> otc = value == JsonToken.VALUE_TRUE;
                    case "s" -> start = (long) number(parser, value, 0);
                    case "e" -> end = (long) number(parser, value, 1);
                    case "o" -> open = number(parser, value, 2);
                    case "h" -> high = number(parser, value, 3);
                    case "l" -> low = number(parser, value, 4);
                    case "c" -> close = number(parser, value, 5);
                    case "v" -> volume = number(parser, value, 6);
                    case "vw" -> vwap = number(parser, value, 7);
                    case "av" -> accumulated = optional(parser, value);
                    case "op" -> dayOpen = optional(parser, value);
                    case "a" -> dayVwap = optional(parser, value);
                    case "z" -> averageSize = optional(parser, value);
                    default -> parser.skipChildren();
                }
            }
        }

        private static String text(JsonParser parser, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            parser.skipChildren();
            return null;
        }

        private double number(JsonParser parser, JsonToken value, int bit) throws IOException {
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                present |= 1 << bit;
                return parser.getDoubleValue();
            }
            parser.skipChildren();
            return Double.NaN;
        }

        /** A day field: NaN when absent or not a number (the bar is still good without it). */
        private static double optional(JsonParser parser, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getDoubleValue();
            }
            parser.skipChildren();
            return Double.NaN;
        }

        String missingBarField() {
            if (sym == null) {
                return "sym";
            }
            for (int bit = 0; bit < BAR_FIELDS.length; bit++) {
                if ((present & (1 << bit)) == 0) {
                    return BAR_FIELDS[bit];
                }
            }
            return null;
        }

        Bar toBar() {
            return new Bar(sym, start, end, open, high, low, close, volume, vwap, accumulated, dayOpen, dayVwap,
                    averageSize, otc);
        }
    }
}
