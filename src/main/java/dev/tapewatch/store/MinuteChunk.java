package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stored form of one symbol's bars within one clock minute, in start order: a symbol-day is about a
 * thousand rows to read instead of 57,600, and a batch writes one row per symbol-minute it touches (see README,
 * "Storage layout"). Each field is a column with one mode for the chunk: a decimal of k places held as an
 * integer count of 10^-k (feeds send prices in cents, VWAPs to four places, whole shares), written as a varint
 * of its difference from a prediction (the previous close for the open, the open for the close, the body for
 * high and low, the previous day volume plus this volume for the day volume, else the field's previous value);
 * a constant written once (a second's duration, an absent day field, the day's open); or, for a value no
 * decimal of up to {@link #MAX_PLACES} places gives back exactly, the raw double. Every double reads back bit
 * for bit (NaN marks an absent day field). About 14 bytes a bar instead of 87.
 */
final class MinuteChunk {
    static final long MINUTE = 60_000;
    private static final byte FORMAT = 1;
    private static final int MAX_PLACES = 12;
    private static final double[] POWERS = new double[MAX_PLACES + 1];
    private static final Bar.Source[] SOURCES = Bar.Source.values();
    private static final int OPEN = 0;
    private static final int CLOSE = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int VOLUME = 5;
    private static final int ACCUMULATED = 6;
    private static final int COLUMNS = 12;
    private static final int CONSTANT = 0x40;
    private static final int RAW = 0x80;
    private static final int CONSTANT_RAW = 0x81;

    static {
        for (int k = 0; k <= MAX_PLACES; k++) {
            POWERS[k] = Math.pow(10, k);
        }
    }

    private MinuteChunk() {
    }

    static long minuteOf(long time) {
        return Math.floorDiv(time, MINUTE) * MINUTE;
    }

    /** How many bars the chunk holds. */
    static int count(byte[] chunk) {
        return (int) new Reader(chunk, 1).varint();
    }

    /**
     * The chunk with {@code updates} (bars of this symbol-minute, in arrival order) merged in: a bar whose start
     * is already there replaces it, the last of several with one start wins.
     */
    static byte[] merge(byte[] existing, String symbol, long minute, List<Bar> updates) {
        Bar[] sorted = updates.toArray(Bar[]::new);
        // stable: among equal starts the later arrival stays later, and is the one kept below
        Arrays.sort(sorted, Comparator.comparingLong(Bar::start));
        List<Bar> stored = existing == null ? List.of() : decode(symbol, minute, existing);
        List<Bar> merged = new ArrayList<>(stored.size() + sorted.length);
        int e = 0;
        int u = 0;
        while (e < stored.size() || u < sorted.length) {
            if (u + 1 < sorted.length && sorted[u + 1].start() == sorted[u].start()) {
                u++; // superseded within this batch
                continue;
            }
            long existingStart = e < stored.size() ? stored.get(e).start() : Long.MAX_VALUE;
            long updateStart = u < sorted.length ? sorted[u].start() : Long.MAX_VALUE;
            if (existingStart < updateStart) {
                merged.add(stored.get(e++));
            } else {
                if (existingStart == updateStart) {
                    e++; // replaced
                }
                merged.add(sorted[u++]);
            }
        }
        return encode(minute, merged);
    }

    /** The chunk without the bar that starts at {@code start} (null when it has none; empty when none is left). */
    static List<Bar> without(byte[] chunk, String symbol, long minute, long start) {
        List<Bar> bars = decode(symbol, minute, chunk);
        return bars.removeIf(bar -> bar.start() == start) ? bars : null;
    }

    /** Passes the bars with start in [from, to) to {@code consumer}, in time order. */
    static void read(String symbol, long minute, byte[] chunk, long from, long to, Consumer<Bar> consumer) {
        for (Bar bar : decode(symbol, minute, chunk)) {
            if (bar.start() >= from && bar.start() < to) {
                consumer.accept(bar);
            }
        }
    }

    /** Bars in start order, one per start, all in this minute. */
    static byte[] encode(long minute, List<Bar> bars) {
        int n = bars.size();
        double[][] values = new double[COLUMNS][n];
        boolean wholeSeconds = true;
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            double[] row = {bar.open(), bar.close(), bar.high(), bar.low(), bar.vwap(), bar.volume(),
                bar.accumulatedVolume(), bar.dayOpen(), bar.dayVwap(), bar.averageTradeSize(),
                bar.end() - bar.start(), (bar.otc() ? 1 : 0) | bar.source().ordinal() << 1};
            for (int c = 0; c < COLUMNS; c++) {
                values[c][i] = row[c];
            }
            wholeSeconds &= (bar.start() - minute) % 1000 == 0;
        }
        Writer out = new Writer(16 + n * 16);
        out.write(FORMAT);
        out.varint(n);
        out.write(wholeSeconds ? 1 : 0);
        int[] modes = new int[COLUMNS];
        long[][] units = new long[COLUMNS][];
        for (int c = 0; c < COLUMNS; c++) {
            modes[c] = mode(values[c]);
            out.write(modes[c]);
            if (modes[c] == CONSTANT_RAW) {
                out.raw(n == 0 ? 0 : values[c][0]);
            } else if (modes[c] != RAW) {
                units[c] = units(values[c], modes[c] & 0x3f);
                if ((modes[c] & CONSTANT) != 0) {
                    out.varint(zigzag(n == 0 ? 0 : units[c][0]));
                }
            }
        }
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long offset = bars.get(i).start() - minute;
            out.varint(wholeSeconds ? (offset - previous) / 1000 : offset - previous);
            previous = offset;
            for (int c = 0; c < COLUMNS; c++) {
                if (modes[c] == RAW) {
                    out.raw(values[c][i]);
                } else if (modes[c] < CONSTANT) {
                    out.varint(zigzag(units[c][i] - predict(c, i, units, modes)));
                }
            }
        }
        return out.bytes();
    }

    /** The chunk's bars, in start order. */
    static List<Bar> decode(String symbol, long minute, byte[] chunk) {
        Reader in = new Reader(chunk, 0);
        if (in.read() != FORMAT) {
            throw new IllegalStateException("minute chunk " + symbol + " " + minute + " is not in format " + FORMAT);
        }
        int n = (int) in.varint();
        boolean wholeSeconds = in.read() == 1;
        int[] modes = new int[COLUMNS];
        long[][] units = new long[COLUMNS][n];
        double[] constants = new double[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            modes[c] = in.read();
            if (modes[c] == CONSTANT_RAW) {
                constants[c] = in.raw();
            } else if ((modes[c] & CONSTANT) != 0) {
                Arrays.fill(units[c], unzigzag(in.varint()));
                constants[c] = units[c].length == 0 ? 0 : decimal(units[c][0], modes[c] & 0x3f);
            }
        }
        List<Bar> bars = new ArrayList<>(n);
        double[] row = new double[COLUMNS];
        long offset = 0;
        for (int i = 0; i < n; i++) {
            offset += wholeSeconds ? in.varint() * 1000 : in.varint();
            for (int c = 0; c < COLUMNS; c++) {
                int mode = modes[c];
                if (mode == RAW) {
                    row[c] = in.raw();
                } else if (mode < CONSTANT) {
                    units[c][i] = unzigzag(in.varint()) + predict(c, i, units, modes);
                    row[c] = decimal(units[c][i], mode);
                } else {
                    row[c] = constants[c];
                }
            }
            long start = minute + offset;
            int flags = (int) row[11];
            bars.add(new Bar(symbol, start, start + (long) row[10], row[OPEN], row[HIGH], row[LOW], row[CLOSE],
                    row[VOLUME], row[4], row[ACCUMULATED], row[7], row[8], row[9], (flags & 1) != 0,
                    SOURCES[flags >> 1]));
        }
        return bars;
    }

    /** What column {@code c} of bar {@code i} is predicted to be, from fields already known (same places only). */
    private static long predict(int c, int i, long[][] units, int[] modes) {
        switch (c) {
            case OPEN:
                if (i > 0 && sameDecimal(modes, OPEN, CLOSE)) {
                    return units[CLOSE][i - 1];
                }
                break;
            case CLOSE:
                if (sameDecimal(modes, CLOSE, OPEN)) {
                    return units[OPEN][i];
                }
                break;
            case HIGH:
                if (sameDecimal(modes, HIGH, OPEN) && sameDecimal(modes, HIGH, CLOSE)) {
                    return Math.max(units[OPEN][i], units[CLOSE][i]);
                }
                break;
            case LOW:
                if (sameDecimal(modes, LOW, OPEN) && sameDecimal(modes, LOW, CLOSE)) {
                    return Math.min(units[OPEN][i], units[CLOSE][i]);
                }
                break;
            case ACCUMULATED:
                if (i > 0 && sameDecimal(modes, ACCUMULATED, VOLUME)) {
                    return units[ACCUMULATED][i - 1] + units[VOLUME][i];
                }
                break;
            default:
                break;
        }
        return i > 0 ? units[c][i - 1] : 0;
    }

    private static boolean sameDecimal(int[] modes, int a, int b) {
        return modes[a] < RAW && modes[b] < RAW && (modes[a] & 0x3f) == (modes[b] & 0x3f);
    }

    /** The column's mode: constant or not, and the fewest decimal places that give every value back exactly. */
    private static int mode(double[] column) {
        boolean constant = true;
        for (double value : column) {
            constant &= Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(column[0]);
        }
        for (int k = 0; k <= MAX_PLACES; k++) {
            if (exact(column, k)) {
                return constant ? CONSTANT | k : k;
            }
        }
        return constant ? CONSTANT_RAW : RAW;
    }

    private static boolean exact(double[] column, int places) {
        for (double value : column) {
            double scaled = value * POWERS[places];
            if (!(Math.abs(scaled) < 0x1p53)) {
                return false; // too large, or NaN
            }
            long units = Math.round(scaled);
            if (Double.doubleToRawLongBits(decimal(units, places)) != Double.doubleToRawLongBits(value)) {
                return false;
            }
        }
        return true;
    }

    private static long[] units(double[] column, int places) {
        long[] units = new long[column.length];
        for (int i = 0; i < column.length; i++) {
            units[i] = Math.round(column[i] * POWERS[places]);
        }
        return units;
    }

    private static double decimal(long units, int places) {
        return units / POWERS[places];
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        void varint(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            write((int) v);
        }

        void raw(double value) {
            long bits = Double.doubleToRawLongBits(value);
            for (int shift = 56; shift >= 0; shift -= 8) {
                write((int) (bits >>> shift));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        int read() {
            return bytes[at++] & 0xff;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        double raw() {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = bits << 8 | (bytes[at++] & 0xff);
            }
            return Double.longBitsToDouble(bits);
        }
    }
}
