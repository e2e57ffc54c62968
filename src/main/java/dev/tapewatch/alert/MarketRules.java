package dev.tapewatch.alert;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Prices;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges {@link MarketRule}s on every bar, in time order per symbol: a rule fires when its condition holds and it
 * is armed, then waits to be armed again by its re-arm distance or time (the next day, without one). What the day so far
 * means (high, low, VWAP, volume) is kept from the bars seen, per market day. Not thread-safe: one thread asks.
 */
public final class MarketRules {
    /** What a rule needs from outside the bars; NaN where not known (yet): such a rule does not fire. */
    public interface Reference {
        double previousClose(String symbol, long time);

        double relativeVolume(String symbol, double dayVolume, long time);
    }

    private static final class Day {
        long date = Long.MIN_VALUE;
        double high = Double.NaN;
        double low = Double.NaN;
        double priceVolume;
        double volume;
        double lastClose = Double.NaN;
        int vwapSide;
        final Deque<Bar> recent = new ArrayDeque<>();
    }

    /** A rule's state for one symbol: armed, or where and when it fired. */
    private record Fired(double price, long time) {
    }

    private final List<MarketRule> rules;
    private final Reference reference;
    private final Map<String, Day> days = new HashMap<>();
    private final Map<String, Fired> fired = new HashMap<>();
    private final long keptMillis;

    public MarketRules(List<MarketRule> rules, Reference reference) {
        this.rules = List.copyOf(rules);
        this.reference = reference;
        this.keptMillis = rules.stream().mapToLong(r -> r.minutes() * 60_000L).max().orElse(0) + 1_000;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The alerts this bar raises. */
    public List<Alert> bar(Bar bar) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Day day = days.computeIfAbsent(bar.symbol(), s -> new Day());
        long date = ExchangeTime.dayOf(bar.start()).toEpochDay();
        if (day.date != date) {
            days.put(bar.symbol(), day = new Day());
            day.date = date;
            fired.keySet().removeIf(key -> key.endsWith(" " + bar.symbol())); // a new day: every rule armed again
        }
        double highBefore = day.high;
        double lowBefore = day.low;
        double closeBefore = day.lastClose;
        day.high = Double.isNaN(day.high) ? bar.high() : Math.max(day.high, bar.high());
        day.low = Double.isNaN(day.low) ? bar.low() : Math.min(day.low, bar.low());
        day.priceVolume += (Double.isNaN(bar.vwap()) ? bar.close() : bar.vwap()) * bar.volume();
        day.volume += bar.volume();
        day.lastClose = bar.close();
        double vwap = Double.isFinite(bar.dayVwap()) ? bar.dayVwap() : day.volume > 0 ? day.priceVolume / day.volume
                : Double.NaN;
        int sideBefore = day.vwapSide;
        day.vwapSide = Double.isNaN(vwap) ? 0 : Double.compare(bar.close(), vwap);
        day.recent.addLast(bar);
        while (day.recent.peekFirst().start() < bar.start() - keptMillis) {
            day.recent.pollFirst();
        }
        double dayVolume = Double.isFinite(bar.accumulatedVolume()) ? bar.accumulatedVolume() : day.volume;

        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            MarketRule rule = rules.get(i);
            if (!rule.appliesTo(bar.symbol())) {
                continue;
            }
            double from = closeBefore;
            double price = bar.close();
            boolean holds;
            switch (rule.type()) {
                case ABOVE -> {
                    holds = bar.high() >= rule.value();
                    price = bar.high();
                }
                case BELOW -> {
                    holds = bar.low() <= rule.value();
                    price = bar.low();
                }
                case CHANGE -> {
                    from = reference.previousClose(bar.symbol(), bar.start());
                    holds = changed(rule, from, price);
                }
                case CHANGE_OVER -> {
                    from = closeAt(day, bar.start() - rule.minutes() * 60_000L);
                    holds = changed(rule, from, price);
                }
                case VWAP -> holds = sideBefore != 0 && day.vwapSide != 0 && sideBefore != day.vwapSide;
                case HIGH -> {
                    holds = !Double.isNaN(highBefore) && bar.high() > highBefore;
                    price = bar.high();
                }
                case LOW -> {
                    holds = !Double.isNaN(lowBefore) && bar.low() < lowBefore;
                    price = bar.low();
                }
                case RVOL -> holds = reference.relativeVolume(bar.symbol(), dayVolume, bar.end()) >= rule.value();
                default -> throw new IllegalStateException(rule.type().name());
            }
            String key = i + " " + bar.symbol();
            Fired last = fired.get(key);
            if (last != null && rearmed(rule, last, bar)) {
                fired.remove(key);
                last = null;
            }
            if (holds && last == null) {
                fired.put(key, new Fired(price, bar.start()));
                alerts.add(new Alert(bar.start(), bar.symbol(), rule.type().kind, describe(rule, vwap), 0, bar.start(),
                        Double.isNaN(from) ? price : from, price, bar.low(), bar.high(), bar.volume(), dayVolume,
                        Double.NaN, Double.NaN, null));
            }
        }
        return alerts;
    }

    /** A day's close at or just before {@code time}, among the bars kept; NaN when none is that old. */
    private static double closeAt(Day day, long time) {
        double close = Double.NaN;
        for (Bar bar : day.recent) {
            if (bar.start() > time) {
                break;
            }
            close = bar.close();
        }
        return close;
    }

    private static boolean changed(MarketRule rule, double from, double price) {
        if (!(from > 0)) {
            return false;
        }
        double change = (price / from - 1) * 100;
        return rule.oneWay() ? (rule.value() > 0 ? change >= rule.value() : change <= rule.value())
                : Math.abs(change) >= Math.abs(rule.value());
    }

    private static boolean rearmed(MarketRule rule, Fired last, Bar bar) {
        boolean byTime = rule.rearmMillis() > 0 && bar.start() - last.time() >= rule.rearmMillis();
        double away = last.price() > 0 ? (bar.close() / last.price() - 1) * 100 : 0;
        // a level is armed again by the price going back from it, not by it going on through
        double distance = switch (rule.type()) {
            case ABOVE, HIGH -> -away;
            case BELOW, LOW -> away;
            default -> Math.abs(away);
        };
        boolean byDistance = rule.rearmPercent() > 0 && distance >= rule.rearmPercent();
        return byTime || byDistance;
    }

    private static String describe(MarketRule rule, double vwap) {
        return switch (rule.type()) {
            case ABOVE -> "above " + Prices.text(rule.value());
            case BELOW -> "below " + Prices.text(rule.value());
            case CHANGE -> String.format(Locale.ROOT, "moved %s%% since the previous close", number(rule));
            case CHANGE_OVER -> String.format(Locale.ROOT, "moved %s%% in %d min", number(rule), rule.minutes());
            case VWAP -> "crossed VWAP " + (Double.isNaN(vwap) ? "" : Prices.text(vwap));
            case HIGH -> "new high of the day";
            case LOW -> "new low of the day";
            case RVOL -> String.format(Locale.ROOT, "relative volume above %s", strip(rule.value()));
        };
    }

    private static String number(MarketRule rule) {
        return (rule.oneWay() && rule.value() > 0 ? "+" : "") + strip(rule.value());
    }

    private static String strip(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : Double.toString(value);
    }
}
