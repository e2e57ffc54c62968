package dev.tapewatch.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulator as a whole market of {@code n} symbols: the well-known tickers first (the deep names), then made-up
 * ones whose liquidity falls with their rank (a long thin tail: most of them trade a few times a minute, so most
 * of their seconds are empty), at plausible prices (lognormal around $25, $1 to $900), with injected events of both
 * kinds ({@link SimulatedMarket.EventSettings#MARKET}). The same seed and size give the same market.
 */
public final class WholeMarket {
    /** Trades a second at midday of the deepest made-up name; the rank-th one about this / (rank / 20), Zipf. */
    private static final double DEEPEST_TRADES_PER_SECOND = 10;
    private static final double THINNEST_TRADES_PER_SECOND = 0.01;
    private static final int NAME_SPACE = 26 * 26 * 26 * 26;
    /** A multiplier prime to 26: index -> a four-letter name is one to one over the name space. */
    private static final int NAME_STEP = 104_729;

    private final List<String> symbols;
    private final Map<String, SimSymbol> universe;

    private WholeMarket(List<String> symbols, Map<String, SimSymbol> universe) {
        this.symbols = List.copyOf(symbols);
        this.universe = universe;
    }

    /** A market of {@code count} symbols (1 to 100,000) for {@code seed}. */
    public static WholeMarket of(int count, long seed) {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("a market has 1 to 100,000 symbols, was " + count);
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + count);
        Map<String, SimSymbol> universe = new LinkedHashMap<>();
        for (String known : SimSymbol.DEFAULTS) {
            if (universe.size() == count) {
                break;
            }
            universe.put(known, SimSymbol.of(known));
        }
        for (long index = 0; universe.size() < count; index++) {
            String name = name(index);
            if (universe.containsKey(name)) {
                continue;
            }
            int rank = universe.size() - SimSymbol.DEFAULTS.size() + 1;
            double trades = Math.max(THINNEST_TRADES_PER_SECOND,
                    DEEPEST_TRADES_PER_SECOND * Math.pow(Math.max(1, rank / 20.0), -1.0)
                            * Math.exp(0.3 * random.nextGaussian()));
            double price = Math.min(900, Math.max(1, Math.round(25 * Math.exp(1.1 * random.nextGaussian()) * 100) / 100.0));
            double volatility = 0.2 + 0.7 * random.nextDouble();
            universe.put(name, new SimSymbol(name, price, volatility, trades));
        }
        return new WholeMarket(new ArrayList<>(universe.keySet()), universe);
    }

    /** Every symbol, deepest first. */
    public List<String> symbols() {
        return symbols;
    }

    /** How a symbol trades in this market. */
    public SimSymbol profile(String symbol) {
        return universe.get(symbol);
    }

    /** The seeded market behind it, for ground truth ({@link SimulatedMarket#events}) and history. */
    public SimulatedMarket market(long seed) {
        return new SimulatedMarket(seed, SimulatedMarket.EventSettings.MARKET, universe);
    }

    private static String name(long index) {
        long code = Math.floorMod(index * NAME_STEP + 17_576, NAME_SPACE);
        char[] letters = new char[4];
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + code % 26);
            code /= 26;
        }
        return new String(letters);
    }
}
