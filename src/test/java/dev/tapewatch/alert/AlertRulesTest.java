package dev.tapewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.market.Spike;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final long T = 1_704_207_600_000L;

    private static Spike spike(String symbol, long start, double score) {
        return new Spike(symbol, start, start + 2_000, start + 1_000, Spike.Kind.VOLUME, score, 12.4);
    }

    @Test
    void aBurstOfSpikesIsOneAlertPerSymbol() {
        AlertRules rules = new AlertRules();
        assertEquals("SPY: volume 12x (score 9.0)", rules.spike(spike("SPY", T, 9)).orElseThrow().text());
        assertTrue(rules.spike(spike("SPY", T + 5_000, 9)).isEmpty(), "within the cooldown");
        assertTrue(rules.spike(spike("AAPL", T + 6_000, 9)).isPresent(), "another symbol has its own cooldown");
        assertTrue(rules.spike(spike("SPY", T + 29_999, 9)).isEmpty());
        assertTrue(rules.spike(spike("SPY", T + 30_000, 9)).isPresent(), "the cooldown is over");
    }

    @Test
    void mutedSymbolsAndLowScoresDoNotAlert() {
        AlertRules rules = new AlertRules();
        rules.spikes(true, 8);
        rules.mute("TSLA", true);
        assertTrue(rules.spike(spike("SPY", T, 7.9)).isEmpty(), "below the minimum score");
        assertTrue(rules.spike(spike("TSLA", T, 20)).isEmpty(), "muted");
        assertTrue(rules.spike(spike("SPY", T + 1, 8)).isPresent());
        rules.spikes(false, 0);
        assertTrue(rules.spike(spike("AAPL", T, 20)).isEmpty(), "spike alerts off");
    }

    @Test
    void aLevelAlertsOnceWhenTheLastPriceCrossesItAndAgainOnceMoved() {
        AlertRules rules = new AlertRules();
        rules.levels("SPY", List.of(471.0));
        assertEquals(List.of(), rules.price("SPY", 470.50, T), "the first price crosses nothing");
        assertEquals(List.of(), rules.price("SPY", 470.90, T + 1_000));
        List<Alert> up = rules.price("SPY", 471.00, T + 2_000);
        assertEquals(List.of(new Alert(T + 2_000, "SPY", Alert.Kind.PRICE_LEVEL, "above 471.00 (last 471.00)")), up);
        assertTrue(rules.fired("SPY", 471.0));
        assertEquals(List.of(), rules.price("SPY", 470.95, T + 3_000), "a price wandering about the line: once");
        assertEquals(List.of(), rules.price("SPY", 471.05, T + 400_000));
        rules.levels("SPY", List.of(470.0)); // moved: armed again
        List<Alert> down = rules.price("SPY", 469.80, T + 401_000);
        assertEquals("below 470.00 (last 469.80)", down.get(0).message());
        rules.levels("SPY", List.of(470.0, 480.0));
        assertTrue(rules.fired("SPY", 470.0), "adding another line leaves a fired one fired");
        rules.resetPrices();
        assertEquals(List.of(), rules.price("SPY", 490, T + 490_000), "a replay's first price is no crossing");
    }
}
