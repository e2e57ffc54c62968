package dev.tapewatch.market;

/**
 * One aggregate window of trades for a symbol (a Polygon {@code A} or {@code AM} event).
 * Identified by (symbol, start): a second bar with the same key is a replacement, not a new bar.
 * Times are epoch milliseconds UTC; volumes are doubles because providers send decimal forms.
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
        boolean otc) {

    public Bar {
        Symbols.requireValid(symbol);
        if (end <= start) {
            throw new InvalidBarException(symbol, start, "end", end, "must be after start " + start);
        }
        requirePrice(symbol, start, "open", open);
        requirePrice(symbol, start, "high", high);
        requirePrice(symbol, start, "low", low);
        requirePrice(symbol, start, "close", close);
        requirePrice(symbol, start, "vwap", vwap);
        requirePrice(symbol, start, "day_open", dayOpen);
        requirePrice(symbol, start, "day_vwap", dayVwap);
        requirePrice(symbol, start, "volume", volume);
        requirePrice(symbol, start, "accumulated_volume", accumulatedVolume);
        requirePrice(symbol, start, "avg_trade_size", averageTradeSize);
        if (high < Math.max(open, close)) {
            throw new InvalidBarException(symbol, start, "high", high,
                    "is below max(open, close) " + Math.max(open, close));
        }
        if (low > Math.min(open, close)) {
            throw new InvalidBarException(symbol, start, "low", low,
                    "is above min(open, close) " + Math.min(open, close));
        }
    }

    /** A bar with only the fields every provider sends; the daily fields are zero. */
    public static Bar of(String symbol, long start, long end,
                         double open, double high, double low, double close, double volume, double vwap) {
        return new Bar(symbol, start, end, open, high, low, close, volume, vwap, 0, 0, 0, 0, false);
    }

    private static void requirePrice(String symbol, long start, String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidBarException(symbol, start, field, value, "must be a finite number >= 0");
        }
    }
}
