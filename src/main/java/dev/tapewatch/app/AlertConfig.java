package dev.tapewatch.app;

import dev.tapewatch.alert.AlertRules;
import dev.tapewatch.alert.MarketRule;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert rules as the settings file keeps them ({@code alerts.*}), read the same by the window and by a
 * headless recorder: spikes on or off, the minimum score, muted symbols, price lines ("SPY:471.0,470.5;AAPL:190").
 */
public final class AlertConfig {
    public static final String SPIKES = "alerts.spikes";
    public static final String MIN_SCORE = "alerts.minScore";
    public static final String MUTED = "alerts.muted";
    public static final String LEVELS = "alerts.levels";
    /** {@link MarketRule}s, one per line or separated by ';'. */
    public static final String RULES = "alerts.rules";

    private AlertConfig() {
    }

    public static boolean spikesOn(AppConfig config) {
        return !"false".equals(config.get(SPIKES).orElse("true"));
    }

    public static double minimumScore(AppConfig config) {
        return config.get(MIN_SCORE).map(AlertConfig::number).orElse(0.0);
    }

    public static List<String> muted(AppConfig config) {
        return config.get(MUTED).map(text -> Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /**
     * Price lines per symbol ("SPY:471.0@2024-01-02,470.5": a line belongs to the day it was drawn on, after '@';
     * without one it is standing); entries that are not a positive price are left out.
     */
    public static Map<String, List<Double>> levels(AppConfig config) {
        Map<String, List<Double>> levels = new LinkedHashMap<>();
        lines(config, (symbol, price, day) -> levels.computeIfAbsent(symbol, s -> new ArrayList<>()).add(price));
        return levels;
    }

    /** The day each line drawn on a day belongs to, by {@link #lineKey}; standing lines are not in it. */
    public static Map<String, LocalDate> lineDays(AppConfig config) {
        Map<String, LocalDate> days = new LinkedHashMap<>();
        lines(config, (symbol, price, day) -> {
            if (day != null) {
                days.put(lineKey(symbol, price), day);
            }
        });
        return days;
    }

    /** "SPY@471.0". */
    public static String lineKey(String symbol, double price) {
        return symbol + "@" + price;
    }

    /** The settings-file text of these lines ({@link #levels}'s form). */
    public static String linesText(Map<String, List<Double>> levels, Map<String, LocalDate> days) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<Double>> entry : new java.util.TreeMap<>(levels).entrySet()) {
            text.append(text.length() == 0 ? "" : ";").append(entry.getKey()).append(':');
            text.append(String.join(",", entry.getValue().stream().map(price -> {
                LocalDate day = days.get(lineKey(entry.getKey(), price));
                return price + (day == null ? "" : "@" + day);
            }).toList()));
        }
        return text.toString();
    }

    private interface LineSink {
        void line(String symbol, double price, LocalDate day);
    }

    private static void lines(AppConfig config, LineSink sink) {
        for (String entry : config.get(LEVELS).orElse("").split(";")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                for (String line : entry.substring(colon + 1).split(",")) {
                    String[] parts = line.trim().split("@", 2);
                    double value = number(parts[0]);
                    LocalDate day = null;
                    if (parts.length == 2) {
                        try {
                            day = LocalDate.parse(parts[1]);
                        } catch (java.time.format.DateTimeParseException e) {
                            continue; // not a day: the line is left out rather than made standing
                        }
                    }
                    if (value > 0) {
                        sink.line(entry.substring(0, colon).trim(), value, day);
                    }
                }
            }
        }
    }

    /** The typed rules; a mistake in them says which rule and where to fix it. */
    public static List<MarketRule> marketRules(AppConfig config) {
        try {
            return MarketRule.parseAll(config.get(RULES).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RULES + " in " + config.file() + ": " + e.getMessage()
                    + ". Fix it there or in the window's Alerts tab.", e);
        }
    }

    /** Rules as the settings file has them, for a headless recorder. */
    public static AlertRules rules(AppConfig config) {
        AlertRules rules = new AlertRules();
        rules.spikes(spikesOn(config), minimumScore(config));
        muted(config).forEach(symbol -> rules.mute(symbol, true));
        LocalDate today = ExchangeTime.dayOf(System.currentTimeMillis());
        Map<String, LocalDate> days = lineDays(config);
        levels(config).forEach((symbol, prices) -> rules.levels(symbol, prices.stream().filter(price -> {
            LocalDate day = days.get(lineKey(symbol, price));
            return day == null || day.equals(today);
        }).toList()));
        return rules;
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }
}
