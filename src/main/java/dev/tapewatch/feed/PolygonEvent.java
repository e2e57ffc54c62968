package dev.tapewatch.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tapewatch.market.Bar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One element of a Polygon frame as read, reused from element to element so that reading allocates little. Both
 * readers fill it ({@link #read} through Jackson's parser, {@link PolygonDecoder} from the frame's characters), and
 * {@link Frame#add} judges it the same way whichever read it.
 */
final class PolygonEvent {
    static final int START = 0;
    static final int END = 1;
    static final int OPEN = 2;
    static final int HIGH = 3;
    static final int LOW = 4;
    static final int CLOSE = 5;
    static final int VOLUME = 6;
    static final int VWAP = 7;
    /** The wire names of the fields every bar needs, by index. */
    private static final String[] BAR_FIELDS = {"s", "e", "o", "h", "l", "c", "v", "vw"};

    String ev;
    String sym;
    String status;
    String message;
    boolean otc;
    /** The needed fields by index; {@link #present} has a bit for each read as a number. */
    final double[] fields = new double[BAR_FIELDS.length];
    int present;
    double accumulated;
    double dayOpen;
    double dayVwap;
    double averageSize;

    /** Forgets the previous element (the needed fields count as absent, whatever they still hold). */
    void clear() {
        ev = sym = status = message = null;
        otc = false;
        accumulated = dayOpen = dayVwap = averageSize = Double.NaN;
        present = 0;
    }

    void field(int index, double value) {
        fields[index] = value;
        present |= 1 << index;
    }

    /** Reads one object's fields; the parser stands on its START_OBJECT. */
    void read(JsonParser parser) throws IOException {
        clear();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "ev" -> ev = text(parser, value);
                case "sym" -> sym = text(parser, value);
                case "status" -> status = text(parser, value);
                case "message" -> message = text(parser, value);
                case "otc" -> otc = value == JsonToken.VALUE_TRUE;
                case "s" -> number(parser, value, START);
                case "e" -> number(parser, value, END);
                case "o" -> number(parser, value, OPEN);
                case "h" -> number(parser, value, HIGH);
                case "l" -> number(parser, value, LOW);
                case "c" -> number(parser, value, CLOSE);
                case "v" -> number(parser, value, VOLUME);
                case "vw" -> number(parser, value, VWAP);
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

    /** A needed field: a value that is not a number leaves it absent (and NaN, should an earlier copy be present). */
    private void number(JsonParser parser, JsonToken value, int index) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            field(index, parser.getDoubleValue());
        } else {
            parser.skipChildren();
            fields[index] = Double.NaN;
        }
    }

    /** A day field: NaN when absent or not a number (the bar is still good without it). */
    private static double optional(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        parser.skipChildren();
        return Double.NaN;
    }

    private String missingBarField() {
        if (sym == null) {
            return "sym";
        }
        for (int index = 0; index < BAR_FIELDS.length; index++) {
            if ((present & (1 << index)) == 0) {
                return BAR_FIELDS[index];
            }
        }
        return null;
    }

    private Bar toBar() {
        return new Bar(sym, (long) fields[START], (long) fields[END], fields[OPEN], fields[HIGH], fields[LOW],
                fields[CLOSE], fields[VOLUME], fields[VWAP], accumulated, dayOpen, dayVwap, averageSize, otc);
    }

    /** What one frame's elements amount to, collected element by element: a bad one costs only itself. */
    static final class Frame {
        private final List<Bar> bars = new ArrayList<>();
        private final List<PolygonCodec.Status> statuses = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> unknown = new ArrayList<>();
        private int elements;

        /** Judges the element just read: a bar, a status, an unknown event, or a problem naming it. */
        void add(PolygonEvent event) {
            int index = elements++;
            if (event.ev == null) {
                problems.add("element " + index + " has no \"ev\"");
                return;
            }
            switch (event.ev) {
                case "A", "AM" -> {
                    String missing = event.missingBarField();
                    if (missing != null) {
                        problems.add("element " + index + " (" + event.ev + " " + event.sym
                                + "): missing or non-numeric \"" + missing + "\"");
                        return;
                    }
                    try {
                        bars.add(event.toBar());
                    } catch (IllegalArgumentException e) {
                        problems.add("element " + index + ": " + e.getMessage());
                    }
                }
                case "status" -> statuses.add(new PolygonCodec.Status(event.status, event.message));
                default -> unknown.add(event.ev);
            }
        }

        void problem(String problem) {
            problems.add(problem);
        }

        /** How many elements were added so far. */
        int elements() {
            return elements;
        }

        PolygonCodec.Decoded decoded() {
            return new PolygonCodec.Decoded(bars, statuses, problems, unknown);
        }
    }
}
