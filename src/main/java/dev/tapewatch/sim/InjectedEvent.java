package dev.tapewatch.sim;

/**
 * Ground truth of an event put into a market: from {@code start} (inclusive, epoch ms) to {@code end}
 * (exclusive) the symbol trades {@code volumeMultiple} times its usual volume (for the simulator its burst base,
 * {@link SymbolDay#burstBase}), and at the first second its price jumps by {@code priceJump} (a fraction, 0 for a
 * volume-only event). {@code block} says the volume came as a few large prints rather than a burst of trades.
 */
public record InjectedEvent(String symbol, long start, long end, double volumeMultiple, double priceJump,
                            boolean block) {

    /** A burst of trades. */
    public InjectedEvent(String symbol, long start, long end, double volumeMultiple, double priceJump) {
        this(symbol, start, end, volumeMultiple, priceJump, false);
    }
}
