package dev.tapewatch.market;

import java.time.LocalDate;

/**
 * One aggregate window of trades for a symbol (a Polygon {@code A} or {@code AM} event, or a REST aggregate).
 * Identified by (symbol, start): a second bar with the same key is a replacement, not a new bar.
 * Times are epoch milliseconds UTC; volumes are doubles because providers send decimal forms.
 * The day fields ({@code av}, {@code op}, {@code a}, {@code z} on the wire) are NaN where the provider did not
 * send them: REST aggregates never carry them.
 */
public record Bar(
        String symbol,
        long start,
        long end,
        double open,
        double high,
        double low,
        double close,
        double volume,
        double vwap,
        double accumulatedVolume,
        double dayOpen,
        double dayVwap,
        double averageTradeSize,
        boolean otc,
        Source source) {

    /** Where a bar came from; kept with the stored bar so an audit can tell them apart. */
    public enum Source {
        STREAM, REST, IMPORT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Source parse(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** No market data predates this; a bar before it is a unit or parsing error upstream. */
    public static final long EARLIEST = java.time.ZonedDateTime.of(LocalDate.of(1990, 1, 1), java.time.LocalTime.MIDNIGHT,
            ExchangeTime.ZONE).toInstant().toEpochMilli();
    /** How far ahead of this machine's clock a bar may start (clock skew, time zones), no more. */
    public static final long MAX_AHEAD_MILLIS = 24 * 3600_000L;

    public Bar {
        Symbols.requireValid(symbol);
        if (start < EARLIEST || start > System.currentTimeMillis() + MAX_AHEAD_MILLIS) {
            throw new InvalidBarException(symbol, start, "start", start,
                    "is not a plausible time (before 1990 or more than a day ahead; epoch milliseconds expected)");
        }
        if (end <= start) {
            throw new InvalidBarException(symbol, start, "end", end, "must be after start " + start);
        }
        requireNonNegative(symbol, start, "open", open);
        requireNonNegative(symbol, start, "high", high);
        requireNonNegative(symbol, start, "low", low);
        requireNonNegative(symbol, start, "close", close);
        requireNonNegative(symbol, start, "vwap", vwap);
        requireNonNegative(symbol, start, "volume", volume);
        requireAbsentOrNonNegative(symbol, start, "day_open", dayOpen);
        requireAbsentOrNonNegative(symbol, start, "day_vwap", dayVwap);
        requireAbsentOrNonNegative(symbol, start, "accumulated_volume", accumulatedVolume);
        requireAbsentOrNonNegative(symbol, start, "avg_trade_size", averageTradeSize);
        if (high < Math.max(open, close)) {
            throw new InvalidBarException(symbol, start, "high", high,
                    "is below max(open, close) " + Math.max(open, close));
        }
        if (low > Math.min(open, close)) {
            throw new InvalidBarException(symbol, start, "low", low,
                    "is above min(open, close) " + Math.min(open, close));
        }
        if (source == null) {
            throw new InvalidBarException(symbol, start, "source", null, "must be given");
        }
    }

    /** A streamed bar. */
    public Bar(String symbol, long start, long end, double open, double high, double low, double close,
               double volume, double vwap, double accumulatedVolume, double dayOpen, double dayVwap,
               double averageTradeSize, boolean otc) {
        this(symbol, start, end, open, high, low, close, volume, vwap, accumulatedVolume, dayOpen, dayVwap,
                averageTradeSize, otc, Source.STREAM);
    }

    /** A bar with only the fields every provider sends; the day fields are absent. */
    public static Bar of(String symbol, long start, long end,
                         double open, double high, double low, double close, double volume, double vwap) {
        return new Bar(symbol, start, end, open, high, low, close, volume, vwap, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, false, Source.STREAM);
    }

    public Bar withSource(Source value) {
        return new Bar(symbol, start, end, open, high, low, close, volume, vwap, accumulatedVolume, dayOpen, dayVwap,
                averageTradeSize, otc, value);
    }

    /** Same second, same trades: the fields every provider sends are equal (source and day fields aside). */
    public boolean sameTrades(Bar other) {
        return symbol.equals(other.symbol) && start == other.start && end == other.end && open == other.open
                && high == other.high && low == other.low && close == other.close && volume == other.volume
                && Math.abs(vwap - other.vwap) <= 1e-4 * Math.max(1, Math.abs(vwap));
    }

    private static void requireNonNegative(String symbol, long start, String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidBarException(symbol, start, field, value, "must be a finite number >= 0");
        }
    }

    private static void requireAbsentOrNonNegative(String symbol, long start, String field, double value) {
        if (!Double.isNaN(value) && (Double.isInfinite(value) || value < 0)) {
            throw new InvalidBarException(symbol, start, field, value, "must be absent or a finite number >= 0");
        }
    }
}
