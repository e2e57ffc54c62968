package dev.tapewatch.ui;

import dev.tapewatch.app.LiveSession;
import dev.tapewatch.market.Bar;

/**
 * Where a simulated session's market stood when it was closed: a simulator opened again goes on from there, as if
 * it had kept running at its speed, instead of starting its day again.
 */
record SimulatedTime(long market, long nanos, double speed) {

    static SimulatedTime of(LiveSession simulated) {
        return new SimulatedTime(simulated.marketClock().getAsLong(), System.nanoTime(), simulated.marketSpeed());
    }

    /** The market time now; never more than a day ahead of the real clock, where a simulator refuses to start. */
    long now() {
        long goneOn = market + (long) ((System.nanoTime() - nanos) / 1e6 * speed);
        return Math.min(goneOn, System.currentTimeMillis() + Bar.MAX_AHEAD_MILLIS - 60_000);
    }
}
