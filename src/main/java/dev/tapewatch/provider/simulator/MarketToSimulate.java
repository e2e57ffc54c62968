package dev.tapewatch.provider.simulator;

import dev.tapewatch.provider.OwnSettings;
import dev.tapewatch.sim.SimulatorSettings;

/** The simulated market to start: speed, seed, start, symbols or a whole market. */
public record MarketToSimulate(SimulatorSettings simulation) implements OwnSettings {
}
