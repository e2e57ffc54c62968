package dev.tapewatch.serve;

import dev.tapewatch.market.Bar;
import java.util.List;

/** What a server's REST answers from: the bars of a symbol with start in [from, to); never asked for the future. */
@FunctionalInterface
public interface ServedHistory {
    List<Bar> history(String symbol, long from, long to);
}
