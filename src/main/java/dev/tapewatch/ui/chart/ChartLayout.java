package dev.tapewatch.ui.chart;

import dev.tapewatch.app.AppConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How many charts the window shows (1, 2 or 4) and the symbol, step and window of each after the first (the first
 * shows the watchlist's selection), remembered in the settings file.
 */
public final class ChartLayout {
    public static final int MOST = 4;
    public static final List<Integer> COUNTS = List.of(1, 2, 4);
    public static final String COUNT = "ui.charts";

    private final AppConfig config;
    private final IntegerProperty count = new SimpleIntegerProperty(1);
    private final List<StringProperty> symbols = new ArrayList<>();

    public ChartLayout(AppConfig config) {
        this.config = config;
        count.set(config.get(COUNT).map(ChartLayout::parse).filter(COUNTS::contains).orElse(1));
        count.addListener((o, was, now) -> config.set(COUNT, now.toString()));
        for (int i = 0; i < MOST; i++) {
            StringProperty symbol = new SimpleStringProperty(i == 0 ? null : config.get(key(i, "symbol")).orElse(null));
            int index = i;
            symbol.addListener((o, was, now) -> config.set(key(index, "symbol"), now));
            symbols.add(symbol);
        }
    }

    private static Integer parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static String key(int chart, String what) {
        return "ui.chart." + chart + "." + what;
    }

    /** A session's watchlist: charts without a symbol get the next watched ones. */
    public void attach(List<String> watchlist) {
        for (int i = 1; i < MOST; i++) {
            if (symbols.get(i).get() == null && !watchlist.isEmpty()) {
                symbols.get(i).set(watchlist.get(Math.min(i, watchlist.size() - 1)));
            }
        }
    }

    public StringProperty symbol(int chart) {
        return symbols.get(chart);
    }

    public IntegerProperty countProperty() {
        return count;
    }

    /** A remembered choice of a chart ("1 min" for its step), or the fallback. */
    String choice(int chart, String what, String fallback) {
        return config.get(key(chart, what)).orElse(fallback);
    }

    /** The remembered share of a chart's height its price pane has, between 0.2 and 0.9. */
    public double share(int chart, double fallback) {
        try {
            double share = Double.parseDouble(choice(chart, "priceShare", Double.toString(fallback)));
            return share >= 0.2 && share <= 0.9 ? share : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void remember(int chart, String what, String value) {
        config.set(key(chart, what), value);
    }
}
