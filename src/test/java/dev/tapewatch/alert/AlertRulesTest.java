package dev.tapewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final long T = 1_704_207_600_000L;

    private static final SpikeMove DROP = new SpikeMove(471.20, 465.00, 464.90, 471.30, 12_345, 2e6);

    private static Optional<Alert> spike(AlertRules rules, String symbol, long start, double score) {
        return rules.spike(new Spike(symbol, start, start + 2_000, start + 1_000, Spike.Kind.BOTH, score, 12.4), DROP);
    }

    @Test
    void aBurstOfSpikesIsOneAlertPerSymbol() {
        AlertRules rules = new AlertRules();
        Alert first = spike(rules, "SPY", T, 9).orElseThrow().withRelativeVolume(1.43);
        assertEquals("SPY ▼ −1.32% 471.20→465.00 (464.90–471.30) · vol 12.3K, 12x usual, RVol 1.4× · volume and"
                + " price spike, score 9.0 · 10:00:01 ET", first.text(), "what happened, in one line");
        assertEquals(Alert.Direction.DOWN, first.direction());
        assertEquals(T + 1_000, first.time(), "the peak second");
        assertTrue(spike(rules, "SPY", T + 5_000, 9).isEmpty(), "within the cooldown");
        assertTrue(spike(rules, "AAPL", T + 6_000, 9).isPresent(), "another symbol has its own cooldown");
        assertTrue(spike(rules, "SPY", T + 29_999, 9).isEmpty());
        assertTrue(spike(rules, "SPY", T + 30_000, 9).isPresent(), "the cooldown is over");
    }

    @Test
    void mutedSymbolsAndLowScoresDoNotAlert() {
        AlertRules rules = new AlertRules();
        rules.spikes(true, 8);
        rules.mute("TSLA", true);
        assertTrue(spike(rules, "SPY", T, 7.9).isEmpty(), "below the minimum score");
        assertTrue(spike(rules, "TSLA", T, 20).isEmpty(), "muted");
        assertTrue(spike(rules, "SPY", T + 1, 8).isPresent());
        rules.spikes(false, 0);
        assertTrue(spike(rules, "AAPL", T, 20).isEmpty(), "spike alerts off");
    }

    private static Bar bar(long start, double low, double high, double close) {
        return Bar.of("SPY", start, start + 1_000, close, high, low, close, 100, close);
    }

    @Test
    void aLevelAlertsOnceWhenABarReachesItAndAgainOnceMoved() {
        AlertRules rules = new AlertRules();
        rules.levels("SPY", List.of(471.0));
        assertEquals(List.of(), rules.bar(bar(T, 470.40, 470.60, 470.50)), "the first bar only sets where it stands");
        assertEquals(List.of(), rules.bar(bar(T + 1_000, 470.50, 470.95, 470.90)));
        List<Alert> wick = rules.bar(bar(T + 2_000, 470.85, 471.02, 470.90)); // a wick through, closing below
        assertEquals(1, wick.size());
        assertEquals("SPY ▲ +0.03% 470.90→471.02 (470.85–471.02) · vol 100 · price line 471.00 reached from below"
                + " · 10:00:02 ET", wick.get(0).text());
        assertTrue(rules.fired("SPY", 471.0));
        assertEquals(List.of(), rules.bar(bar(T + 3_000, 470.90, 471.10, 471.05)), "a price about the line: once");
        rules.levels("SPY", List.of(470.0)); // moved: armed again
        List<Alert> down = rules.bar(bar(T + 4_000, 469.80, 471.05, 469.90));
        assertEquals("price line 470.00 reached from above", down.get(0).what());
        assertEquals(469.80, down.get(0).price());
        rules.levels("SPY", List.of(470.0, 480.0));
        assertTrue(rules.fired("SPY", 470.0), "adding another line leaves a fired one fired");
        rules.resetPrices();
        assertEquals(List.of(), rules.bar(bar(T + 90_000, 479.0, 481.0, 480.5)), "a replay's first bar crosses nothing");
    }
}
