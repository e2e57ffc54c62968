package dev.tapewatch.provider.simulator;

import dev.tapewatch.provider.OwnSettings;
import dev.tapewatch.sim.MarketServer;

/** The simulated market to start: speed, seed, start, symbols or a whole market. */
public record MarketToSimulate(MarketServer.Settings market) implements OwnSettings {
}
