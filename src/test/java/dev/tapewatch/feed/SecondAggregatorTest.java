package dev.tapewatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trades into second bars: by their own time, with late trades, corrections, cancels and sale conditions. */
class SecondAggregatorTest {
    private static final long T = TestBars.at(10, 0, 0); // epoch ms of a second start
    private static final long NS = 1_000_000L;

    private static Trade trade(long id, long millis, double price, double size, String... conditions) {
        return new Trade("AAPL", id, millis * NS + 123, price, size, List.of(conditions));
    }

    private static Bar bar(long start, double o, double h, double l, double c, double v, double vwap, double av,
                           int count) {
        return new Bar("AAPL", start, start + 1000, o, h, l, c, v, vwap, av, Double.NaN, Double.NaN, v / count, false,
                Bar.Source.STREAM);
    }

    @Test
    void aSecondIsItsTradesByTimestampEmittedWhenALaterSecondTradesOrTheGracePasses() {
        SecondAggregator seconds = new SecondAggregator(1_500, 900_000, Bar.Source.STREAM);
        // arrival order is not time order
        seconds.trade(trade(2, T + 700, 10.20, 100, "@"));
        seconds.trade(trade(1, T + 100, 10.00, 200, "@"));
        seconds.trade(trade(3, T + 900, 10.10, 50, "@", "I")); // odd lot: volume only
        assertTrue(seconds.flush(T * NS + 900 * NS).isEmpty(), "the second is not over yet");
        seconds.trade(trade(4, T + 1_200, 10.30, 100, "@"));
        SecondAggregator.Output first = seconds.flush((T + 1_300) * NS);
        double vwap = (10.00 * 200 + 10.20 * 100 + 10.10 * 50) / 350;
        assertEquals(List.of(bar(T, 10.00, 10.20, 10.00, 10.20, 350, vwap, 350, 3)), first.bars());
        // the next second ends at T+2000; with 1.5 s of grace it is over at T+3500
        assertTrue(seconds.flush((T + 3_499) * NS).isEmpty());
        assertEquals(List.of(bar(T + 1000, 10.30, 10.30, 10.30, 10.30, 100, 10.30, 450, 1)),
                seconds.flush((T + 3_500) * NS).bars());
    }

    @Test
    void lateTradesCorrectionsAndCancelsReplaceTheSecondAndAnEmptiedSecondIsRemoved() {
        SecondAggregator seconds = new SecondAggregator(1_000, 900_000, Bar.Source.STREAM);
        seconds.trade(trade(1, T + 100, 20.00, 100, "@"));
        seconds.trade(trade(2, T + 1_100, 21.00, 10, "@"));
        seconds.trade(trade(3, T + 2_100, 22.00, 10, "@"));
        assertEquals(2, seconds.flush((T + 2_200) * NS).bars().size());
        // a late trade of the first second, a correction of the second's only trade, a cancel of the third's
        seconds.trade(trade(4, T + 50, 19.50, 100, "@"));
        assertTrue(seconds.correct("AAPL", 2, trade(5, T + 1_100, 21.50, 30, "@")));
        assertTrue(seconds.cancel("AAPL", 3));
        SecondAggregator.Output changed = seconds.flush((T + 10_000) * NS);
        assertEquals(List.of(bar(T, 19.50, 20.00, 19.50, 20.00, 200, 19.75, 200, 2),
                bar(T + 1000, 21.50, 21.50, 21.50, 21.50, 30, 21.50, 230, 1)), changed.bars());
        assertEquals(List.of(), changed.removed(), "the third second was never emitted: nothing to remove");
        // cancelling the only trade of an emitted second removes it
        assertTrue(seconds.cancel("AAPL", 5));
        assertEquals(List.of(new SecondAggregator.Removed("AAPL", T + 1000)),
                seconds.flush((T + 11_000) * NS).removed());
    }

    @Test
    void pricesFollowTheSaleConditionsAndTradesPastRetentionCannotBeCorrected() {
        SecondAggregator seconds = new SecondAggregator(1_000, 60_000, Bar.Source.REST);
        seconds.trade(trade(1, T + 100, 30.00, 100, "@"));
        seconds.trade(trade(2, T + 200, 35.00, 100, "Z"));  // out of sequence: high/low, not last
        seconds.trade(trade(3, T + 300, 28.00, 100, "W"));  // average price: volume only
        seconds.trade(trade(4, T + 400, 30.50, 100, "@"));
        seconds.trade(trade(5, T + 2_100, 31.00, 7, "I"));  // a second of odd lots only
        List<Bar> bars = seconds.flush((T + 5_000) * NS).bars();
        // REST history holds part of a day: no accumulated volume
        assertEquals(new Bar("AAPL", T, T + 1000, 30.00, 35.00, 30.00, 30.50, 400, (30 + 35 + 28 + 30.5) / 4 * 1.0,
                Double.NaN, Double.NaN, Double.NaN, 100, false, Bar.Source.REST), bars.get(0));
        assertEquals(31.00, bars.get(1).close(), "volume kept, priced by its own trades");
        assertEquals(7, bars.get(1).volume());
        seconds.flush((T + 70_000) * NS);
        assertFalse(seconds.cancel("AAPL", 1), "past retention");
        assertEquals(1, seconds.tooLate());
    }
}
