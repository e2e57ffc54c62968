package dev.tapewatch.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bar CSV format (RFC 4180, CRLF): one header, one row per bar. Numbers are written in their
 * shortest exact decimal form, never with an exponent or locale separators, so a round trip is lossless.
 */
public final class BarCsv {
    public static final List<String> HEADER = List.of("symbol", "time", "start_ms", "end_ms", "open", "high",
            "low", "close", "volume", "vwap", "accumulated_volume", "day_open", "day_vwap", "avg_trade_size",
            "spike");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final int LOCAL_TIME_LENGTH = "2024-01-02T09:30:00".length();
    private static final DateTimeFormatter LOCAL_TIME_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final CsvSchema SCHEMA = CsvSchema.builder().setLineSeparator("\r\n")
            .setUseHeader(false).build();

    private BarCsv() {
    }

    /**
     * Writes rows; call {@link #header()} first. Not thread-safe. Numbers and times are formatted into buffers
     * this writer reuses, and an integer value goes to the generator as a {@code long}: a day's export is mostly
     * formatting, and strings built per cell were most of its garbage.
     */
    public static final class RowWriter implements AutoCloseable {
        private final CsvGenerator generator;
        private final char[] number = new char[32];
        private final char[] time = new char[LOCAL_TIME_LENGTH];
        private long rows;
        private long minuteStart = Long.MIN_VALUE;

        /** UTF-8 straight to the stream, through Jackson's own encoder. */
        public RowWriter(OutputStream out) throws IOException {
            this((CsvGenerator) MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8));
        }

        public RowWriter(Writer out) throws IOException {
            this((CsvGenerator) MAPPER.getFactory().createGenerator(out));
        }

        private RowWriter(CsvGenerator generator) {
            this.generator = generator;
            generator.setSchema(SCHEMA);
        }

        public void header() throws IOException {
            generator.writeStartArray();
            for (String name : HEADER) {
                generator.writeString(name);
            }
            generator.writeEndArray();
        }

        public void write(Bar bar, boolean inSpike) throws IOException {
            generator.writeStartArray();
            generator.writeString(guardText(bar.symbol()));
            time(bar.start());
            generator.writeNumber(bar.start());
            generator.writeNumber(bar.end());
            number(bar.open());
            number(bar.high());
            number(bar.low());
            number(bar.close());
            number(bar.volume());
            number(bar.vwap());
            optionalNumber(bar.accumulatedVolume());
            optionalNumber(bar.dayOpen());
            optionalNumber(bar.dayVwap());
            optionalNumber(bar.averageTradeSize());
            generator.writeNumber(inSpike ? 1 : 0);
            generator.writeEndArray();
            rows++;
        }

        /** Bars come in time order: the date, hour and minute are formatted once a minute, the seconds per row. */
        private void time(long start) throws IOException {
            if (start % 1000 != 0) {
                generator.writeRawValue(localTime(start)); // sub-second starts are rare: no fast path
                return;
            }
            long minute = Math.floorDiv(start, 60_000L) * 60_000L;
            if (minute != minuteStart) {
                minuteStart = minute;
                localTime(minute).getChars(0, LOCAL_TIME_LENGTH, time, 0);
            }
            int second = (int) ((start - minute) / 1000);
            time[LOCAL_TIME_LENGTH - 2] = (char) ('0' + second / 10);
            time[LOCAL_TIME_LENGTH - 1] = (char) ('0' + second % 10);
            generator.writeRawValue(time, 0, LOCAL_TIME_LENGTH);
        }

        private void number(double value) throws IOException {
            if (isWhole(value)) {
                generator.writeNumber((long) value);
                return;
            }
            int length = decimal(value, number);
            if (length > 0) {
                generator.writeRawValue(number, 0, length);
            } else {
                generator.writeRawValue(exact(value));
            }
        }

        /** A day field the provider did not send (REST bars have none) is an empty cell. */
        private void optionalNumber(double value) throws IOException {
            if (Double.isNaN(value)) {
                generator.writeString("");
            } else {
                number(value);
            }
        }

        public void flush() throws IOException {
            generator.flush();
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            generator.close();
        }
    }

    static String localTime(long epochMillis) {
        var time = ExchangeTime.localDateTime(epochMillis);
        return (epochMillis % 1000 == 0 ? LOCAL_TIME : LOCAL_TIME_MILLIS).format(time);
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /**
     * Shortest decimal that reads back as the same double; integers without a fraction. Prices and sizes have
     * few decimals: the fewest digits d for which value·10^d is an integer m with m / 10^d == value (both exact
     * doubles, so the division rounds as parsing "m·10^-d" does) are written from the long m, which is several
     * times faster than going through BigDecimal; other values take that way.
     */
    static String format(double value) {
        if (isWhole(value)) {
            return Long.toString((long) value);
        }
        char[] text = new char[32];
        int length = decimal(value, text);
        return length > 0 ? new String(text, 0, length) : exact(value);
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15;
    }

    /** The value with up to 9 decimals written into {@code out}: its length, or 0 when it needs more. */
    private static int decimal(double value, char[] out) {
        for (int digits = 1; digits < POWERS_OF_TEN.length; digits++) {
            double scaled = Math.rint(value * POWERS_OF_TEN[digits]);
            if (Math.abs(scaled) >= 1L << 53) {
                return 0;
            }
            if (scaled / POWERS_OF_TEN[digits] == value) {
                return decimal((long) scaled, digits, out);
            }
        }
        return 0;
    }

    /** {@code scaled}·10^-digits, written from the right end of {@code out} and moved to its start. */
    private static int decimal(long scaled, int digits, char[] out) {
        long magnitude = Math.abs(scaled);
        int at = out.length;
        for (int written = 0; written < digits; written++) {
            out[--at] = (char) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        out[--at] = '.';
        do {
            out[--at] = (char) ('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude > 0);
        if (scaled < 0) {
            out[--at] = '-';
        }
        int length = out.length - at;
        System.arraycopy(out, at, out, 0, length);
        return length;
    }

    /**
     * Any other value: its shortest round-trip digits from Jackson's Schubfach writer (this JDK's
     * {@code Double.toString} took most of an export of bars whose VWAP we compute, three times slower), which are
     * already plain between 10^-3 and 10^7; outside that, written out without an exponent.
     */
    private static String exact(double value) {
        String shortest = NumberOutput.toString(value, true);
        double magnitude = Math.abs(value);
        return magnitude >= 1e-3 && magnitude < 1e7 ? shortest
                : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    /** Spreadsheets run cells starting with these as formulas; a leading quote keeps them text. */
    static String guardText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * Reads bars from CSV in this format, calling {@code sink} for each; stops at the first bad row
     * with a {@link CsvFormatException} naming the line and column.
     */
    public static long read(Reader in, String source, Consumer<Bar> sink) throws IOException {
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema()).readValues(in)) {
            if (!rows.hasNext()) {
                throw new CsvFormatException(source + " is empty; expected the header "
                        + String.join(",", HEADER));
            }
            List<String> header = List.of(rows.next());
            if (!header.equals(HEADER)) {
                throw new CsvFormatException(source + " line 1: the header is " + String.join(",", header)
                        + " but must be " + String.join(",", HEADER));
            }
            long count = 0;
            while (rows.hasNext()) {
                // Rows never span lines in this format, so row n is on line n + 1.
                sink.accept(parseRow(rows.next(), source, count + 2));
                count++;
            }
            return count;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CsvFormatException(source + " is not valid CSV: " + e.getOriginalMessage()
                    + locationOf(e.getProcessor()), e);
        }
    }

    private static String locationOf(Object processor) {
        if (processor instanceof JsonParser parser) {
            return " (line " + parser.currentLocation().getLineNr() + ")";
        }
        return "";
    }

    private static Bar parseRow(String[] row, String source, long line) {
        String where = source + " line " + line;
        if (row.length != HEADER.size()) {
            throw new CsvFormatException(where + ": " + row.length + " columns, expected " + HEADER.size());
        }
        try {
            return new Bar(row[0], parseLong(row, 2, where), parseLong(row, 3, where),
                    parseDouble(row, 4, where), parseDouble(row, 5, where), parseDouble(row, 6, where),
                    parseDouble(row, 7, where), parseDouble(row, 8, where), parseDouble(row, 9, where),
                    parseOptional(row, 10, where), parseOptional(row, 11, where), parseOptional(row, 12, where),
                    parseOptional(row, 13, where), false, Bar.Source.IMPORT);
        } catch (IllegalArgumentException e) {
            if (e instanceof CsvFormatException) {
                throw e;
            }
            throw new CsvFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static long parseLong(String[] row, int column, String where) {
        try {
            return Long.parseLong(row[column].trim());
        } catch (NumberFormatException e) {
            throw badNumber(row, column, where);
        }
    }

    private static double parseDouble(String[] row, int column, String where) {
        try {
            return Double.parseDouble(row[column].trim());
        } catch (NumberFormatException e) {
            throw badNumber(row, column, where);
        }
    }

    /** An empty cell is a field the provider did not send. */
    private static double parseOptional(String[] row, int column, String where) {
        if (row[column].isBlank()) {
            return Double.NaN;
        }
        double value = parseDouble(row, column, where);
        if (Double.isNaN(value)) {
            throw badNumber(row, column, where);
        }
        return value;
    }

    private static CsvFormatException badNumber(String[] row, int column, String where) {
        return new CsvFormatException(where + ", column " + HEADER.get(column) + ": '" + row[column]
                + "' is not a number");
    }
}
