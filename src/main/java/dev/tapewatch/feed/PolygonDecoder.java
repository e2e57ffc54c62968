package dev.tapewatch.feed;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.Arrays;

/**
 * Decodes a feed's Polygon frames, on its delivery thread (one decoder per feed: it is not thread-safe). A frame of
 * the usual shape, an array of aggregate events whose values are plain strings, numbers and literals, is read
 * straight from its characters into each bar's fields, with its symbols interned: no parser, token or name objects,
 * and one String per symbol rather than per bar. Anything else (a status, an unknown event, an escape, NaN, a
 * nested value, malformed JSON) leaves this path before any of the frame is delivered, and the whole frame goes
 * through {@link PolygonCodec#decode}, which judges every element on its own and says what was wrong. Both read a
 * number to the same double: the correctly rounded one.
 */
public final class PolygonDecoder {
    /** Powers of ten a double holds exactly: a mantissa below 2^53 times or over one is correctly rounded. */
    private static final double[] EXACT_POWERS = new double[23];
    /** Digits of a mantissa that fit below 2^53 whatever they are. */
    private static final int EXACT_DIGITS = 15;
    /** Digits of an integer that fit in a long whatever they are. */
    private static final int LONG_DIGITS = 18;
    /** Frames up to this many characters are copied into a buffer kept between frames; longer ones get their own. */
    private static final int KEPT_BUFFER = 1 << 20;
    /** Marks the end of the frame's characters: no token contains it, so every scan stops there. */
    private static final char END = 0;

    static {
        double power = 1;
        for (int i = 0; i < EXACT_POWERS.length; i++) {
            EXACT_POWERS[i] = power;
            power *= 10;
        }
    }

    /** Leaves this path: the frame is not of the usual shape. One shared instance without a stack trace. */
    private static final class Unusual extends RuntimeException {
        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    private final PolygonEvent event = new PolygonEvent();
    private final Symbols symbols = new Symbols();
    private char[] buffer = new char[4096];
    private char[] in;
    private int at;

    public PolygonCodec.Decoded decode(String frame) {
        int length = frame.length();
        in = buffer;
        if (length >= in.length) {
            in = new char[Math.max(length + 1, Math.min(in.length * 2, KEPT_BUFFER))];
            if (in.length <= KEPT_BUFFER) {
                buffer = in;
            }
        }
        frame.getChars(0, length, in, 0);
        in[length] = END;
        try {
            return readArray();
        } catch (Unusual e) {
            return PolygonCodec.decode(frame);
        } finally {
            in = null;
        }
    }

    private PolygonCodec.Decoded readArray() {
        PolygonEvent.Frame frame = new PolygonEvent.Frame();
        at = 0;
        skipSpace();
        expect('[');
        skipSpace();
        if (in[at] == ']') {
            return frame.decoded();
        }
        while (true) {
            skipSpace();
            expect('{');
            readObject();
            frame.add(event);
            skipSpace();
            char next = in[at++];
            if (next == ']') {
                return frame.decoded(); // what follows is not read, as PolygonCodec.decode does not read it either
            }
            if (next != ',') {
                throw UNUSUAL;
            }
        }
    }

    /** An aggregate event's fields into {@link #event}; the opening brace is read. */
    private void readObject() {
        event.clear();
        skipSpace();
        if (in[at] == '}') {
            at++;
            return;
        }
        while (true) {
            skipSpace();
            expect('"');
            int name = at;
            int nameLength = stringEnd() - name;
            skipSpace();
            expect(':');
            skipSpace();
            readField(name, nameLength);
            skipSpace();
            char next = in[at++];
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw UNUSUAL;
            }
        }
    }

    private void readField(int name, int length) {
        char first = in[name];
        if (length == 1) {
            switch (first) {
                case 's' -> event.field(PolygonEvent.START, number());
                case 'e' -> event.field(PolygonEvent.END, number());
                case 'o' -> event.field(PolygonEvent.OPEN, number());
                case 'h' -> event.field(PolygonEvent.HIGH, number());
                case 'l' -> event.field(PolygonEvent.LOW, number());
                case 'c' -> event.field(PolygonEvent.CLOSE, number());
                case 'v' -> event.field(PolygonEvent.VOLUME, number());
                case 'a' -> event.dayVwap = number();
                case 'z' -> event.averageSize = number();
                default -> skipValue();
            }
        } else if (length == 2) {
            char second = in[name + 1];
            if (first == 'e' && second == 'v') {
                event.ev = aggregateKind();
            } else if (first == 'v' && second == 'w') {
                event.field(PolygonEvent.VWAP, number());
            } else if (first == 'a' && second == 'v') {
                event.accumulated = number();
            } else if (first == 'o' && second == 'p') {
                event.dayOpen = number();
            } else {
                skipValue();
            }
        } else if (length == 3 && first == 's' && in[name + 1] == 'y' && in[name + 2] == 'm') {
            expect('"');
            int symbol = at;
            event.sym = symbols.intern(in, symbol, stringEnd());
        } else if (length == 3 && first == 'o' && in[name + 1] == 't' && in[name + 2] == 'c') {
            event.otc = in[at] == 't'; // true; any other value is false, as PolygonEvent.read has it
            skipValue();
        } else {
            skipValue();
        }
    }

    /** "A" or "AM"; any other event (a status, say) is for {@link PolygonCodec#decode}. */
    private String aggregateKind() {
        expect('"');
        int kind = at;
        int length = stringEnd() - kind;
        if (length == 1 && in[kind] == 'A') {
            return "A";
        }
        if (length == 2 && in[kind] == 'A' && in[kind + 1] == 'M') {
            return "AM";
        }
        throw UNUSUAL;
    }

    /** A string, a number, true, false or null; anything else is unusual here. */
    private void skipValue() {
        char first = in[at];
        if (first == '"') {
            at++;
            stringEnd();
        } else if (first == '-' || first >= '0' && first <= '9') {
            number();
        } else if (!word("true") && !word("false") && !word("null")) {
            throw UNUSUAL;
        }
    }

    private boolean word(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    /** After an opening quote: where the string ends, {@link #at} past its closing quote. Printable ASCII only. */
    private int stringEnd() {
        char[] chars = in;
        for (int i = at; ; i++) {
            char c = chars[i];
            if (c == '"') {
                at = i + 1;
                return i;
            }
            if (c < ' ' || c > '~' || c == '\\') {
                throw UNUSUAL;
            }
        }
    }

    /**
     * A JSON number as the double Jackson reads it: an integer through a long, anything else correctly rounded
     * (exactly when the digits fit below 2^53 and the power of ten is exact, else by Jackson's own parser).
     */
    private double number() {
        char[] chars = in;
        int start = at;
        int i = start;
        boolean negative = chars[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        char c = chars[i];
        if (c == '0') {
            c = chars[++i];
            if (c >= '0' && c <= '9') {
                throw UNUSUAL; // a leading zero: not JSON
            }
        } else if (c >= '1' && c <= '9') {
            do {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                c = chars[++i];
            } while (c >= '0' && c <= '9');
        } else {
            throw UNUSUAL;
        }
        boolean integer = true;
        int scale = 0;
        if (c == '.') {
            integer = false;
            c = chars[++i];
            if (c < '0' || c > '9') {
                throw UNUSUAL;
            }
            do {
                if (digits > 0 || c != '0') {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                }
                scale++;
                c = chars[++i];
            } while (c >= '0' && c <= '9');
        }
        int exponent = 0;
        if (c == 'e' || c == 'E') {
            integer = false;
            c = chars[++i];
            boolean negativeExponent = c == '-';
            if (c == '-' || c == '+') {
                c = chars[++i];
            }
            if (c < '0' || c > '9') {
                throw UNUSUAL;
            }
            do {
                exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
                c = chars[++i];
            } while (c >= '0' && c <= '9');
            exponent = negativeExponent ? -exponent : exponent;
        }
        at = i;
        if (integer) {
            if (digits > LONG_DIGITS) {
                throw UNUSUAL;
            }
            return negative ? -mantissa : mantissa;
        }
        int power = exponent - scale;
        if (digits > EXACT_DIGITS || power < -22 || power > 22) {
            return NumberInput.parseDouble(chars, start, i - start, true);
        }
        double value = power < 0 ? mantissa / EXACT_POWERS[-power] : mantissa * EXACT_POWERS[power];
        return negative ? -value : value;
    }

    private void skipSpace() {
        char c;
        while ((c = in[at]) == ' ' || c == '\n' || c == '\r' || c == '\t') {
            at++;
        }
    }

    private void expect(char c) {
        if (in[at++] != c) {
            throw UNUSUAL;
        }
    }

    /**
     * One String per symbol, looked up by its characters (open addressing). A stream has a few thousand symbols;
     * past {@link #MOST} the table stops growing and further ones get a String each time.
     */
    private static final class Symbols {
        private static final int MOST = 1 << 16;
        private char[][] keys = new char[1024][];
        private String[] values = new String[1024];
        private int size;

        String intern(char[] chars, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + chars[i];
            }
            int mask = keys.length - 1;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                char[] key = keys[slot];
                if (key == null) {
                    String symbol = new String(chars, from, to - from);
                    if (size < MOST) {
                        keys[slot] = Arrays.copyOfRange(chars, from, to);
                        values[slot] = symbol;
                        if (++size * 2 > keys.length) {
                            grow();
                        }
                    }
                    return symbol;
                }
                if (Arrays.equals(key, 0, key.length, chars, from, to)) {
                    return values[slot];
                }
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }

        private void grow() {
            char[][] oldKeys = keys;
            String[] oldValues = values;
            keys = new char[oldKeys.length * 2][];
            values = new String[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = spread(oldValues[i].hashCode()) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}
