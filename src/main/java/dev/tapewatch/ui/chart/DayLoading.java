package dev.tapewatch.ui.chart;

import dev.tapewatch.app.LiveSession;
import dev.tapewatch.market.ExchangeTime;

/** What a live chart says while its day so far is still coming in: worked out by its feeder, shown over the chart. */
final class DayLoading {
    private DayLoading() {
    }

    /**
     * While the window starts its session: "Loading SPY 04:00–now…" ("Loading the day so far…" before the watchlist
     * is known). Then the same while the symbol's day so far is read from the database or fetched from the provider
     * (or waits for the first streamed bar to fetch up to); "Waiting for SPY's first bar…" while the series has none;
     * null once the day is in. Feeder thread: the series' look-up may wait.
     */
    static String text(LiveSession session, String symbol, boolean starting) {
        if (session == null) {
            return !starting ? null : symbol == null ? "Loading the day so far…" : loading(symbol);
        }
        if (symbol == null) {
            return null;
        }
        if (session.dayFill(symbol) != LiveSession.DayFill.IN) {
            return loading(symbol);
        }
        return session.series().version(symbol) == 0 ? "Waiting for " + symbol + "'s first bar…" : null;
    }

    private static String loading(String symbol) {
        return "Loading " + symbol + " " + ExchangeTime.PRE_MARKET_OPEN + "–now…";
    }
}
