package dev.tapewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule fires once per arm on a scripted tape: where its condition first holds, and again only once re-armed. */
class MarketRulesTest {
    private static final long T = TestBars.at(10, 0, 0);

    /** SPY at 100 for a minute, up to 102 by 10:02, back to 99 at 10:04, up to 103 at 10:06; one bar a second. */
    private static List<Bar> tape() {
        List<Bar> bars = new ArrayList<>();
        for (int s = 0; s < 480; s++) {
            double price;
            if (s < 60) {
                price = 100;
            } else if (s < 120) {
                price = 100 + 2.0 * (s - 60) / 60;
            } else if (s < 240) {
                price = 102 - 3.0 * (s - 120) / 120;
            } else if (s < 360) {
                price = 99 + 4.0 * (s - 240) / 120;
            } else {
                price = 103;
            }
            price = Math.round(price * 100) / 100.0;
            long start = T + s * 1_000L;
            bars.add(new Bar("SPY", start, start + 1_000, price, price, price, price, s == 300 ? 50_000 : 1_000,
                    price, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, Bar.Source.STREAM));
        }
        return bars;
    }

    /** The seconds (from the tape's start) at which the rule fired. */
    private static List<Integer> fires(String rule, MarketRules.Reference reference) {
        MarketRules rules = new MarketRules(MarketRule.parseAll(rule), reference);
        List<Integer> at = new ArrayList<>();
        for (Bar bar : tape()) {
            for (Alert alert : rules.bar(bar)) {
                at.add((int) ((alert.time() - T) / 1_000));
                assertEquals(MarketRule.parse(rule).type().kind, alert.kind());
            }
        }
        return at;
    }

    private static final MarketRules.Reference CLOSED_AT_98 = new MarketRules.Reference() {
        @Override
        public double previousClose(String symbol, long time) {
            return 98;
        }

        @Override
        public double relativeVolume(String symbol, double dayVolume, long time) {
            return dayVolume / 340_000; // 1.0 at 340K shares: by the 50K print at 10:05:00
        }
    };

    @Test
    void aLevelFiresOnceAndAgainOnlyWhenReArmed() {
        assertEquals(List.of(105), fires("SPY above 101.5", CLOSED_AT_98), "10:01:45 reaches 101.50; once");
        // re-armed once the close is 1% below where it fired (100.48 at 10:03:01), up to 101.50 again at 10:05:15;
        // going on up through it does not re-arm it
        assertEquals(List.of(105, 315), fires("SPY above 101.5 rearm 1%", CLOSED_AT_98));
        assertEquals(List.of(240), fires("SPY below 99", CLOSED_AT_98));
        assertEquals(List.of(), fires("AAPL below 99", CLOSED_AT_98), "another symbol's rule");
    }

    @Test
    void changesSinceThePreviousCloseAndOverMinutes() {
        assertEquals(List.of(0), fires("* change 2%", CLOSED_AT_98), "100 is 2.04% above 98");
        assertEquals(List.of(), fires("* change -2%", CLOSED_AT_98), "one way: down only");
        // 1% over 1 min: first at 10:01:30 (100 → 101.00); re-armed 10 min later only: once in the tape
        assertEquals(List.of(90), fires("SPY change 1% over 1m rearm 10m", CLOSED_AT_98));
        // re-armed 0.5% from where it fired: 101.00 → 101.53 at 10:01:46, up 1.53% on a minute; 101.53 → 101.00
        // at 10:02:40, down 1.01% on a minute first at 10:02:52
        assertEquals(List.of(90, 106, 172), fires("SPY change 1% over 1m rearm 0.5%", CLOSED_AT_98).subList(0, 3));
    }

    @Test
    void vwapCrossesDayLevelsAndRelativeVolume() {
        List<Integer> vwap = fires("SPY vwap", CLOSED_AT_98);
        assertEquals(List.of(firstCrossOfVwap()), vwap, "its first cross (leaving the flat minute at VWAP is none)");
        assertEquals(List.of(61), fires("* high", CLOSED_AT_98), "the first new high; once without a re-arm");
        // re-armed two minutes later (10:03:01, falling); the next new high is above 10:02's 102, at 10:05:31
        assertEquals(List.of(61, 331), fires("* high rearm 2m", CLOSED_AT_98));
        assertEquals(List.of(201), fires("* low", CLOSED_AT_98), "below the flat minute's 100 at 10:03:21");
        assertEquals(List.of(300), fires("* rvol 1", CLOSED_AT_98), "a 50K print takes the day past 100K shares");
    }

    /** Where the close first goes from one side of the day's volume-weighted price to the other, counted here. */
    private static int firstCrossOfVwap() {
        double priceVolume = 0;
        double volume = 0;
        int side = 0;
        List<Bar> bars = tape();
        for (int s = 0; s < bars.size(); s++) {
            Bar bar = bars.get(s);
            priceVolume += bar.vwap() * bar.volume();
            volume += bar.volume();
            int now = Double.compare(bar.close(), priceVolume / volume);
            if (side != 0 && now != 0 && now != side) {
                return s;
            }
            side = now;
        }
        return -1;
    }

    @Test
    void badRulesSayWhatIsWrong() {
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> MarketRule.parseAll("SPY above 470; * above 12"));
        assertEquals("rule 2 ('* above 12'): a price level needs a symbol, not *", level.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MarketRule.parseAll("SPY crosses 470"));
        assertTrue(unknown.getMessage().contains("unknown rule 'crosses'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MarketRule.parse("SPY change 2"));
        assertThrows(IllegalArgumentException.class, () -> MarketRule.parse("SPY high rearm soon"));
    }
}
