package dev.tapewatch.sim;

/**
 * Ground truth of an event the simulator put into the market: from {@code start} (inclusive, epoch ms) to
 * {@code end} (exclusive) the symbol trades {@code volumeMultiple} times its burst base ({@link SymbolDay#burstBase}), and at the first
 * second its price jumps by {@code priceJump} (a fraction, 0 for a volume-only event).
 */
public record InjectedEvent(String symbol, long start, long end, double volumeMultiple, double priceJump) {
}
