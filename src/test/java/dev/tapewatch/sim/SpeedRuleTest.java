package dev.tapewatch.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one rule for a market's speed, wherever a speed is given: the simulator's settings, a clock, a replay. */
class SpeedRuleTest {

    @Test
    void aSpeedIsANumberFromZeroToTenThousand() {
        assertNull(SimClock.speedProblem(0));
        assertNull(SimClock.speedProblem(10_000));
        assertEquals("must be a number from 0 (as fast as possible) to 10000 simulated seconds per second, was"
                + " 10000.5", SimClock.speedProblem(10_000.5));
        assertEquals("must be a number from 0 (as fast as possible) to 10000 simulated seconds per second, was -1.0",
                SimClock.speedProblem(-1));
        assertEquals("must be a number from 0 (as fast as possible) to 10000 simulated seconds per second, was NaN",
                SimClock.speedProblem(Double.NaN));
        assertEquals("must be a number from 0 (as fast as possible) to 10000 simulated seconds per second, was"
                + " Infinity", SimClock.speedProblem(Double.POSITIVE_INFINITY));
    }

    @Test
    void theSimulatorsSettingsAClockAndAReplaysNewSpeedAllKeepIt() {
        String tooFast = "the speed must be a number from 0 (as fast as possible) to 10000 simulated seconds per"
                + " second, was 20000.0";
        assertEquals(tooFast, assertThrows(IllegalArgumentException.class,
                () -> SimulatorSettings.builder().speed(20_000).build()).getMessage());
        assertEquals(tooFast, assertThrows(IllegalArgumentException.class,
                () -> new SimClock(0, 20_000)).getMessage());
        SimClock replay = new SimClock(0, 10);
        assertEquals(tooFast, assertThrows(IllegalArgumentException.class, () -> replay.speed(20_000)).getMessage());
        assertEquals("a paced clock's speed must be above 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> replay.speed(0)).getMessage());
        assertEquals(10, replay.speed());
    }
}
