package dev.tapewatch.alert;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Prices;
import dev.tapewatch.market.Spike;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which spikes and price moves become alerts: spikes of symbols not muted, scoring at least the minimum,
 * one per symbol per cooldown (market time), so a burst is one alert; a price level once, when a bar first
 * reaches it (a price wandering about a line would otherwise alert at every pass), armed again when the line is
 * moved. Not thread-safe: one thread (the window's FX thread) asks it.
 */
public final class AlertRules {
    /** How long after an alert the same symbol's next one of its kind is held back. */
    public static final long COOLDOWN_MS = 30_000;

    private boolean spikesOn = true;
    private double minimumScore;
    private final Set<String> muted = new HashSet<>();
    private final Map<String, List<Double>> levels = new HashMap<>();
    private final Map<String, Double> lastPrices = new HashMap<>();
    private final Map<String, Long> lastAlerted = new HashMap<>();
    private final Set<String> fired = new HashSet<>();

    public void spikes(boolean on, double minimum) {
        spikesOn = on;
        minimumScore = minimum;
    }

    public void mute(String symbol, boolean off) {
        if (off) {
            muted.add(symbol);
        } else {
            muted.remove(symbol);
        }
    }

    public boolean muted(String symbol) {
        return muted.contains(symbol);
    }

    public Set<String> mutedSymbols() {
        return Set.copyOf(muted);
    }

    /** The price levels watched for a symbol, replaced whole; a level not watched before is armed. */
    public void levels(String symbol, List<Double> prices) {
        fired.removeIf(key -> key.startsWith(symbol + "@") && !prices.contains(Double.valueOf(key.substring(
                symbol.length() + 1))));
        if (prices.isEmpty()) {
            levels.remove(symbol);
        } else {
            levels.put(symbol, List.copyOf(prices));
        }
    }

    /** The alert for a closed spike that moved as {@code move}, if it earns one. */
    public Optional<Alert> spike(Spike spike, SpikeMove move) {
        if (!spikesOn || muted.contains(spike.symbol()) || spike.peakScore() < minimumScore
                || coolingDown(spike.symbol(), Alert.Kind.SPIKE, spike.start())) {
            return Optional.empty();
        }
        String what = switch (spike.kind()) {
            case VOLUME -> spike.prints() == Spike.Prints.BLOCK ? "block prints" : "volume spike";
            case PRICE -> "price spike";
            case BOTH -> (spike.prints() == Spike.Prints.BLOCK ? "block prints" : "volume") + " and price spike";
        };
        return Optional.of(new Alert(spike.peakTime(), spike.symbol(), Alert.Kind.SPIKE, what, spike.peakScore(),
                spike.start(), move.fromPrice(), move.price(), move.low(), move.high(), move.volume(),
                move.dayVolume(), spike.volumeMultiple(), Double.NaN, spike.kind()));
    }

    /**
     * Alerts for the levels a symbol's bar reached from the close before it: a high at or above a level the
     * previous close was below, a low at or below one it was above (a wick through a line counts). A symbol's first
     * bar only sets where it stands. Bars must come in time order.
     */
    public List<Alert> bar(Bar bar) {
        Double before = lastPrices.put(bar.symbol(), bar.close());
        List<Alert> crossed = new ArrayList<>();
        if (before == null) {
            return crossed;
        }
        for (double level : levels.getOrDefault(bar.symbol(), List.of())) {
            boolean up = before < level && bar.high() >= level;
            boolean down = before > level && bar.low() <= level;
            if ((up || down) && fired.add(bar.symbol() + "@" + level)) {
                crossed.add(new Alert(bar.start(), bar.symbol(), Alert.Kind.PRICE_LEVEL, String.format(Locale.ROOT,
                        "price line %s reached from %s", Prices.text(level), up ? "below" : "above"), 0,
                        bar.start(), before, up ? bar.high() : bar.low(), bar.low(), bar.high(), bar.volume(),
                        bar.accumulatedVolume(), Double.NaN, Double.NaN, null));
            }
        }
        return crossed;
    }

    /** Whether a level has alerted; it alerts again once moved. */
    public boolean fired(String symbol, double level) {
        return fired.contains(symbol + "@" + level);
    }

    /** Forgets the last prices (a replay or a new session starts: its first price crosses nothing). */
    public void resetPrices() {
        lastPrices.clear();
        lastAlerted.clear();
    }

    private boolean coolingDown(String key, Alert.Kind kind, long time) {
        String id = kind + " " + key;
        Long last = lastAlerted.get(id);
        if (last != null && time >= last && time - last < COOLDOWN_MS) {
            return true;
        }
        lastAlerted.put(id, time);
        return false;
    }

}
