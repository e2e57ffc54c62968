package dev.tapewatch.serve;

import dev.tapewatch.market.Bar;
import java.util.List;

/**
 * Bars a {@link MarketServer} asks for at its own pace (the simulated market, a stored day): from the server's one
 * ticker thread, seconds in increasing order.
 */
public interface PulledSource extends ServedHistory {
    /** The bar of {@code symbol} for the second starting at {@code second}, or null if it did not trade. */
    Bar bar(String symbol, long second);

    /** The second to serve after {@code second} (nights and weekends skipped); {@link Long#MAX_VALUE}: the end. */
    long next(long second);

    /** What {@code A.*} streams. */
    List<String> symbols();

    /** Whether the market stands still until a first client subscribes (a replay: no bar goes out unheard). */
    default boolean waitsForFirstClient() {
        return false;
    }
}
