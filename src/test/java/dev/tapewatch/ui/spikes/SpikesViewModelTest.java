package dev.tapewatch.ui.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Spike;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikesViewModelTest {
    private static Spike spike(String symbol, int minute) {
        long start = TestBars.at(10, minute, 0);
        return new Spike(symbol, start, start + 2000, start, Spike.Kind.VOLUME, 9, 12);
    }

    @Test
    void goingToAStoredDayAndBackKeepsTodaysLiveSpikesAndThoseThatClosedMeanwhile() {
        SpikesViewModel model = new SpikesViewModel();
        Spike before = spike("SPY", 1);
        Spike meanwhile = spike("AAPL", 2);
        List<Spike> storedDay = List.of(spike("NVDA", 3));
        model.arrived(before);
        model.refresh();
        assertEquals(List.of(before), model.spikes());

        model.show(storedDay);
        model.arrived(meanwhile);
        model.refresh();
        assertEquals(storedDay, model.spikes(), "a stored day shows only its own spikes");

        model.showLive();
        assertEquals(List.of(before, meanwhile), model.spikes());
    }
}
