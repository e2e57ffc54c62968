package dev.tapewatch.market;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** US ticker rules: upper-case letters first, then letters, digits, '.' and '-' (e.g. BRK.B, BF-B). */
public final class Symbols {
    private static final int MAX_LENGTH = 16;

    private Symbols() {
    }

    /** Checked on every bar constructed, so a plain loop rather than a regular expression. */
    public static boolean isValid(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > MAX_LENGTH) {
            return false;
        }
        char first = symbol.charAt(0);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = 1; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
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
