package dev.tapewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.detect.DetectorSettings;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The detector's accuracy on both tapes is deterministic for a seed, so it is held to its targets. */
class DetectorBenchTest {
    @Test
    void meetsTheAccuracyTargetsOnTheFixedSeed() {
        DetectorBench.Result result = DetectorBench.run(1, LocalDate.of(2024, 1, 2), 30, DetectorSettings.DEFAULT);
        assertEquals(30, result.symbols());
        assertTrue(result.events() > 300, "events: " + result.events());
        assertTrue(result.precision() >= 0.95, "precision " + result.precision());
        assertTrue(result.recall() >= 0.95, "recall " + result.recall());
        assertEquals(0.0, result.delayPercentile(50));
        DetectorBench.Result again = DetectorBench.run(1, LocalDate.of(2024, 1, 2), 30, DetectorSettings.DEFAULT);
        assertEquals(result.spikes(), again.spikes());
        assertEquals(result.found(), again.found());
    }

    @Test
    void meetsTheAccuracyTargetsOnTheIndependentTape() {
        DetectorBench.Result result = DetectorBench.tape(1, LocalDate.of(2024, 1, 2), 30, DetectorSettings.DEFAULT);
        assertTrue(result.events() > 1_000, "events: " + result.events());
        assertTrue(result.precision() >= 0.95, "precision " + result.precision());
        assertTrue(result.recall() >= 0.95, "recall " + result.recall());
        assertEquals(0.0, result.delayPercentile(50));
        assertTrue(result.barsPerSecond() >= 5_000_000, "throughput " + result.barsPerSecond());
    }
}
