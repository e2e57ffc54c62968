package dev.tapewatch.market;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** US ticker rules: upper-case letters first, then letters, digits, '.' and '-' (e.g. BRK.B, BF-B). */
public final class Symbols {
    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,15}");

    private Symbols() {
    }

    public static boolean isValid(String symbol) {
        return symbol != null && TICKER.matcher(symbol).matches();
    }

    public static String requireValid(String symbol) {
        if (!isValid(symbol)) {
            throw new InvalidBarException(String.valueOf(symbol), 0, "symbol", symbol,
                    "is not a US ticker (letters, digits, '.' and '-', starting with a letter)");
        }
        return symbol;
    }

    /** Parses user input such as "spy, aapl" into distinct valid tickers, in order. */
    public static List<String> parseList(String text) {
        LinkedHashSet<String> symbols = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String symbol = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (!isValid(symbol)) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a US ticker symbol"
                        + " (letters, digits, '.' and '-', e.g. SPY or BRK.B)");
            }
            symbols.add(symbol);
        }
        return new ArrayList<>(symbols);
    }
}
