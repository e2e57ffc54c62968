package dev.tapewatch.alert;

import dev.tapewatch.market.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One alert rule as a trader types it, for a symbol or {@code *} (every symbol, where that makes sense):
 * <pre>
 *   SPY above 471.50          SPY below 465          * change 3%        (since the previous close; +3% or -3%: one way)
 *   * change 1% over 5m       AAPL vwap              * high   * low      (a new high or low of the day)
 *   * rvol 3                  (relative volume at least 3)
 * </pre>
 * Each fires once a day; {@code rearm 0.5%} (the price moved that far from where it fired: back down for above and
 * high, back up for below and low) and/or {@code rearm 10m} (market time) let it fire again.
 */
public record MarketRule(String symbol, Type type, double value, boolean oneWay, int minutes, double rearmPercent,
                         long rearmMillis, String text) {

    public enum Type {
        ABOVE(Alert.Kind.PRICE_ABOVE), BELOW(Alert.Kind.PRICE_BELOW), CHANGE(Alert.Kind.CHANGE_FROM_CLOSE),
        CHANGE_OVER(Alert.Kind.CHANGE_OVER_MINUTES), VWAP(Alert.Kind.VWAP_CROSS), HIGH(Alert.Kind.DAY_HIGH),
        LOW(Alert.Kind.DAY_LOW), RVOL(Alert.Kind.RELATIVE_VOLUME);

        final Alert.Kind kind;

        Type(Alert.Kind kind) {
            this.kind = kind;
        }
    }

    public static final String ALL = "*";

    public boolean appliesTo(String candidate) {
        return symbol.equals(ALL) || symbol.equals(candidate);
    }

    /** Rules one per line or separated by ';'; blank entries are skipped. */
    public static List<MarketRule> parseAll(String text) {
        List<MarketRule> rules = new ArrayList<>();
        String[] entries = text == null ? new String[0] : text.split("[;\\n]");
        for (int i = 0; i < entries.length; i++) {
            if (!entries[i].isBlank()) {
                try {
                    rules.add(parse(entries[i]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rule " + (rules.size() + 1) + " ('" + entries[i].strip() + "'): "
                            + e.getMessage(), e);
                }
            }
        }
        return rules;
    }

    public static MarketRule parse(String entry) {
        String[] words = entry.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 2) {
            throw new IllegalArgumentException("write a symbol (or *) and a rule, e.g. 'SPY above 471.5'");
        }
        String symbol = words[0].toUpperCase(Locale.ROOT);
        if (!symbol.equals(ALL) && !Symbols.isValid(symbol)) {
            throw new IllegalArgumentException("'" + words[0] + "' is not a ticker or *");
        }
        int next = 2;
        Type type;
        double value = Double.NaN;
        boolean oneWay = false;
        int minutes = 0;
        switch (words[1]) {
            case "above", "below" -> {
                type = words[1].equals("above") ? Type.ABOVE : Type.BELOW;
                if (symbol.equals(ALL)) {
                    throw new IllegalArgumentException("a price level needs a symbol, not *");
                }
                value = number(words, next++, "a price");
            }
            case "change" -> {
                oneWay = words.length > next && (words[next].startsWith("+") || words[next].startsWith("-"));
                value = percent(words, next++);
                type = Type.CHANGE;
                if (words.length > next && words[next].equals("over")) {
                    minutes = minutes(words, next + 1);
                    next += 2;
                    type = Type.CHANGE_OVER;
                }
            }
            case "vwap" -> type = Type.VWAP;
            case "high" -> type = Type.HIGH;
            case "low" -> type = Type.LOW;
            case "rvol" -> {
                type = Type.RVOL;
                value = number(words, next++, "a relative volume");
            }
            default -> throw new IllegalArgumentException("unknown rule '" + words[1] + "'; known: above, below,"
                    + " change, vwap, high, low, rvol");
        }
        double rearmPercent = 0;
        long rearmMillis = 0;
        while (next < words.length) {
            if (!words[next].equals("rearm") || next + 1 >= words.length) {
                throw new IllegalArgumentException("'" + words[next] + "' is not understood here; end with e.g."
                        + " 'rearm 0.5%' or 'rearm 10m'");
            }
            if (words[next + 1].endsWith("%")) {
                rearmPercent = Math.abs(percent(words, next + 1));
            } else {
                rearmMillis = minutes(words, next + 1) * 60_000L;
            }
            next += 2;
        }
        return new MarketRule(symbol, type, value, oneWay, minutes, rearmPercent, rearmMillis, entry.strip());
    }

    private static double number(String[] words, int at, String what) {
        if (at >= words.length) {
            throw new IllegalArgumentException("give " + what);
        }
        try {
            double value = Double.parseDouble(words[at]);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + words[at] + "' is not " + what + " above 0");
        }
    }

    private static double percent(String[] words, int at) {
        if (at >= words.length || !words[at].endsWith("%")) {
            throw new IllegalArgumentException("give a percentage, e.g. 2% (+2% or -2% for one way)");
        }
        String digits = words[at].substring(0, words[at].length() - 1);
        double sign = digits.startsWith("-") ? -1 : 1;
        String[] one = {digits.replaceFirst("^[+-]", "")};
        return sign * number(one, 0, "a percentage");
    }

    private static int minutes(String[] words, int at) {
        if (at >= words.length || !words[at].matches("\\d+m")) {
            throw new IllegalArgumentException("give minutes, e.g. 5m");
        }
        int value = Integer.parseInt(words[at].substring(0, words[at].length() - 1));
        if (value < 1 || value > 390) {
            throw new IllegalArgumentException("minutes must be 1 to 390, was " + value);
        }
        return value;
    }
}
