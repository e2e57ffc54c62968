package dev.tapewatch.sim;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A simulated ticker: starting price, annual volatility, and trades per second at midday (its liquidity).
 * Known tickers get plausible figures; any other symbol gets figures derived from its name.
 */
public record SimSymbol(String symbol, double price, double volatility, double tradesPerSecond) {

    private static final Map<String, SimSymbol> KNOWN = Stream.of(
            new SimSymbol("SPY", 472.65, 0.14, 14),
            new SimSymbol("QQQ", 405.10, 0.18, 10),
            new SimSymbol("IWM", 199.80, 0.20, 5),
            new SimSymbol("DIA", 376.20, 0.13, 1.5),
            new SimSymbol("AAPL", 189.95, 0.24, 10),
            new SimSymbol("MSFT", 374.50, 0.24, 7),
            new SimSymbol("NVDA", 490.35, 0.50, 10),
            new SimSymbol("TSLA", 244.80, 0.55, 12),
            new SimSymbol("AMZN", 151.95, 0.32, 7),
            new SimSymbol("GOOGL", 139.40, 0.28, 5),
            new SimSymbol("META", 350.25, 0.35, 6),
            new SimSymbol("NFLX", 485.10, 0.38, 2.5),
            new SimSymbol("AMD", 140.20, 0.50, 7),
            new SimSymbol("INTC", 48.30, 0.35, 4),
            new SimSymbol("JPM", 170.05, 0.22, 3),
            new SimSymbol("BAC", 33.70, 0.26, 4),
            new SimSymbol("WMT", 159.80, 0.18, 2.5),
            new SimSymbol("XOM", 99.60, 0.25, 3),
            new SimSymbol("JNJ", 156.90, 0.16, 2),
            new SimSymbol("V", 260.40, 0.20, 2),
            new SimSymbol("MA", 425.30, 0.21, 1.5),
            new SimSymbol("DIS", 90.15, 0.28, 3),
            new SimSymbol("KO", 59.10, 0.15, 2),
            new SimSymbol("PEP", 169.75, 0.16, 1.5),
            new SimSymbol("CSCO", 50.45, 0.22, 2.5),
            new SimSymbol("ORCL", 105.20, 0.30, 2),
            new SimSymbol("CRM", 264.90, 0.33, 2),
            new SimSymbol("BA", 255.60, 0.35, 2.5),
            new SimSymbol("UBER", 61.70, 0.40, 3),
            new SimSymbol("PLTR", 17.20, 0.60, 6),
            new SimSymbol("F", 12.15, 0.35, 4),
            new SimSymbol("BRK.B", 357.00, 0.16, 1))
            .collect(Collectors.toMap(SimSymbol::symbol, Function.identity()));

    /** The tickers the simulator knows by name, in a stable order. */
    public static final java.util.List<String> DEFAULTS = KNOWN.keySet().stream().sorted().toList();

    public static SimSymbol of(String symbol) {
        SimSymbol known = KNOWN.get(symbol.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        int hash = symbol.hashCode() & 0x7fffffff;
        double price = 5 + (hash % 29_500) / 100.0;
        return new SimSymbol(symbol, price, 0.25 + (hash % 40) / 100.0, 0.5 + (hash % 25) / 10.0);
    }

    /** Minimum price increment: a cent from one dollar up, else a hundredth of a cent. */
    public static double tickSize(double price) {
        return price >= 1 ? 0.01 : 0.0001;
    }
}
