package dev.tapewatch.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.io.IOException;
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
    private static final DateTimeFormatter LOCAL_TIME_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private BarCsv() {
    }

    /**
     * Writes rows to a character stream; call {@link #header()} first. Not thread-safe. Rows are formatted by hand
     * into one buffer and handed to the stream a few thousand at a time (Jackson's generator per cell was the
     * export's main cost); the text is what Jackson's CSV generator wrote with this schema.
     */
    public static final class RowWriter implements AutoCloseable {
        private static final int FLUSH_AT = 1 << 15;
        private final Writer out;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 512);
        private char[] chars = new char[0];
        private long rows;
        private long minuteStart = Long.MIN_VALUE;
        private String minutePrefix;

        public RowWriter(Writer out) {
            this.out = out;
        }

        public void header() throws IOException {
            buffer.append(String.join(",", HEADER)).append("\r\n");
            drainIfFull();
        }

        public void write(Bar bar, boolean inSpike) throws IOException {
            text(guardText(bar.symbol()));
            buffer.append(',');
            time(bar.start());
            buffer.append(',').append(bar.start()).append(',').append(bar.end()).append(',');
            appendNumber(buffer, bar.open());
            buffer.append(',');
            appendNumber(buffer, bar.high());
            buffer.append(',');
            appendNumber(buffer, bar.low());
            buffer.append(',');
            appendNumber(buffer, bar.close());
            buffer.append(',');
            appendNumber(buffer, bar.volume());
            buffer.append(',');
            appendNumber(buffer, bar.vwap());
            buffer.append(',');
            optionalNumber(bar.accumulatedVolume());
            buffer.append(',');
            optionalNumber(bar.dayOpen());
            buffer.append(',');
            optionalNumber(bar.dayVwap());
            buffer.append(',');
            optionalNumber(bar.averageTradeSize());
            buffer.append(',').append(inSpike ? '1' : '0').append("\r\n");
            rows++;
            drainIfFull();
        }

        /** RFC 4180 quoting where Jackson's generator quoted: a character up to ',' (space, quote, CR, LF...). */
        private void text(String value) {
            boolean quote = false;
            for (int i = 0; i < value.length() && !quote; i++) {
                quote = value.charAt(i) <= ',';
            }
            if (!quote) {
                buffer.append(value);
                return;
            }
            buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        /** Bars come in time order: the date, hour and minute are formatted once a minute. */
        private void time(long start) {
            if (start % 1000 != 0) {
                buffer.append(localTime(start));
                return;
            }
            long minute = Math.floorDiv(start, 60_000L) * 60_000L;
            if (minute != minuteStart) {
                minuteStart = minute;
                String full = localTime(minute);
                minutePrefix = full.substring(0, full.length() - 2);
            }
            int second = (int) ((start - minute) / 1000);
            buffer.append(minutePrefix).append((char) ('0' + second / 10)).append((char) ('0' + second % 10));
        }

        /** A day field the provider did not send (REST bars have none) is an empty cell. */
        private void optionalNumber(double value) {
            if (!Double.isNaN(value)) {
                appendNumber(buffer, value);
            }
        }

        private void drainIfFull() throws IOException {
            if (buffer.length() >= FLUSH_AT) {
                drain();
            }
        }

        private void drain() throws IOException {
            int length = buffer.length();
            if (chars.length < length) {
                chars = new char[length];
            }
            buffer.getChars(0, length, chars, 0);
            out.write(chars, 0, length);
            buffer.setLength(0);
        }

        public void flush() throws IOException {
            drain();
            out.flush();
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
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
        StringBuilder text = new StringBuilder(24);
        appendNumber(text, value);
        return text.toString();
    }

    /** {@link #format} into {@code out}, without a String per number on the fast path. */
    static void appendNumber(StringBuilder out, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
            return;
        }
        for (int digits = 1; digits < POWERS_OF_TEN.length; digits++) {
            double scaled = Math.rint(value * POWERS_OF_TEN[digits]);
            if (Math.abs(scaled) >= 1L << 53) {
                break;
            }
            if (scaled / POWERS_OF_TEN[digits] == value) {
                decimal(out, (long) scaled, digits);
                return;
            }
        }
        out.append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    private static void decimal(StringBuilder out, long scaled, int digits) {
        if (scaled < 0) {
            out.append('-');
        }
        long magnitude = Math.abs(scaled);
        long unit = (long) POWERS_OF_TEN[digits];
        out.append(magnitude / unit).append('.');
        long fraction = magnitude % unit;
        for (long place = unit / 10; place > fraction && place > 1; place /= 10) {
            out.append('0');
        }
        out.append(fraction);
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
