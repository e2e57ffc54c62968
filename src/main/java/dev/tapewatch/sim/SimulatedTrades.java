package dev.tapewatch.sim;

import dev.tapewatch.feed.Trade;
import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The trades behind a simulated second, for the Alpaca protocol: one truth, two protocols. Four regular trades
 * (the open, the high, the low, the close, in that order within the second) whose sizes, in eighths of a share, add
 * up to the bar's volume exactly; the high and low sizes are split so that the VWAP matches the bar's to well
 * within an audit's tolerance (1e-4). Aggregated into a second ({@code feed/SecondAggregator}) they give the bar's
 * open, high, low, close and volume exactly.
 */
public final class SimulatedTrades {
    private static final long[] OFFSETS_MILLIS = {100, 300, 600, 900};

    private SimulatedTrades() {
    }

    public static List<Trade> of(Bar bar) {
        double volume = bar.volume();
        double edge = eighths(volume / 8); // the open's and the close's size
        double middle = volume - 2 * edge;
        double high = middle / 2;
        if (bar.high() > bar.low()) {
            double notional = bar.vwap() * volume - (bar.open() + bar.close()) * edge;
            high = (notional - middle * bar.low()) / (bar.high() - bar.low());
        }
        high = Math.min(middle - 0.125, Math.max(0.125, eighths(high)));
        double[] prices = {bar.open(), bar.high(), bar.low(), bar.close()};
        double[] sizes = {edge, high, middle - high, edge};
        long secondIds = Math.floorDiv(bar.start(), 1000) * OFFSETS_MILLIS.length;
        List<Trade> trades = new ArrayList<>(OFFSETS_MILLIS.length);
        for (int i = 0; i < OFFSETS_MILLIS.length; i++) {
            trades.add(new Trade(bar.symbol(), secondIds + i, (bar.start() + OFFSETS_MILLIS[i]) * 1_000_000, prices[i],
                    sizes[i], List.of("@")));
        }
        return trades;
    }

    /** Rounded to a multiple of 1/8, which doubles hold exactly, so sizes add up without rounding error. */
    private static double eighths(double value) {
        return Math.max(0.125, Math.round(value * 8) / 8.0);
    }
}
