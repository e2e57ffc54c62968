package dev.tapewatch.movers;

/**
 * One symbol on the movers list as it stands: its spike (label such as "burst" or "block+price", peak score, first
 * second, peak multiple of a usual traded second), its last price, its % changes over the last 10 s, 1 min and
 * 5 min of market time, over the move (from the close before the spike's first second) and since the previous
 * close (NaN where not known), its relative volume (the last minute against today's average minute so far), its
 * volume today, and when it entered the list: in market time and on this machine's clock.
 */
public record Mover(String symbol, String kind, double score, long startMs, double volumeMultiple, double price,
                    double changePct, double change10sPct, double change1mPct, double change5mPct,
                    double changeSincePreviousClosePct, double relativeVolume, double volumeToday,
                    long enteredMarketMs, long enteredWallMs) {
}
