package dev.tapewatch.sim;

/**
 * Ground truth of an event the simulator put into the market: from {@code start} (inclusive, epoch ms) to
 * {@code end} (exclusive) the symbol trades {@code volumeMultiple} times its expected volume, and at the first
 * second its price jumps by {@code priceJump} (a fraction, 0 for a volume-only event).
 */
public record InjectedEvent(String symbol, long start, long end, double volumeMultiple, double priceJump) {
    public int seconds() {
        return (int) ((end - start) / 1000);
    }
}
