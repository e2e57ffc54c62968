package dev.tapewatch.app;

import dev.tapewatch.alert.AlertRules;
import dev.tapewatch.alert.MarketRule;
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

    /** Price lines per symbol; entries that are not a positive price are left out. */
    public static Map<String, List<Double>> levels(AppConfig config) {
        Map<String, List<Double>> levels = new LinkedHashMap<>();
        for (String entry : config.get(LEVELS).orElse("").split(";")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                List<Double> prices = new ArrayList<>();
                for (String price : entry.substring(colon + 1).split(",")) {
                    double value = number(price.trim());
                    if (value > 0) {
                        prices.add(value);
                    }
                }
                levels.put(entry.substring(0, colon).trim(), prices);
            }
        }
        return levels;
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
        levels(config).forEach(rules::levels);
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
