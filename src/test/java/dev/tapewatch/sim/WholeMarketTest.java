package dev.tapewatch.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WholeMarketTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    @Test
    void aFewDeepNamesALongThinTailAndPlausiblePricesTheSameForTheSameSeed() {
        WholeMarket market = WholeMarket.of(3000, 7);
        assertEquals(3000, market.symbols().size());
        assertEquals(3000, new HashSet<>(market.symbols()).size());
        assertEquals(market.symbols(), WholeMarket.of(3000, 7).symbols());
        assertEquals(market.profile("ZZOK"), WholeMarket.of(3000, 7).profile("ZZOK"));
        assertNotEquals(market.profile(market.symbols().get(2000)), WholeMarket.of(3000, 8).profile(
                market.symbols().get(2000)));
        List<SimSymbol> profiles = market.symbols().stream().map(market::profile).toList();
        long deep = profiles.stream().filter(p -> p.tradesPerSecond() >= 5).count();
        long thin = profiles.stream().filter(p -> p.tradesPerSecond() < 0.2).count();
        assertTrue(deep >= 10 && deep <= 60, "deep names: " + deep);
        assertTrue(thin >= 1500, "thin names (most seconds empty): " + thin);
        assertTrue(profiles.stream().allMatch(p -> p.price() >= 1 && p.price() <= 900), "prices from $1 to $900");
        assertEquals("SPY", market.symbols().stream().filter(s -> s.equals("SPY")).findFirst().orElseThrow());
    }

    @Test
    void itsEventsOfBothKindsAreWhatTheDetectorFindsAndNothingElse() {
        WholeMarket whole = WholeMarket.of(300, 3);
        SimulatedMarket market = whole.market(3);
        long bell = ExchangeTime.toEpochMillis(DAY, ExchangeTime.REGULAR_OPEN);
        int events = 0;
        int blocks = 0;
        int found = 0;
        int wrong = 0;
        for (String symbol : whole.symbols()) {
            List<Bar> bars = market.day(symbol, DAY).bars(ExchangeTime.startOfDay(DAY), ExchangeTime.endOfDay(DAY));
            List<InjectedEvent> injected = market.events(symbol, DAY).stream()
                    .filter(event -> event.start() != bell).toList(); // the opening cross is no spike
            List<Spike> spikes = SpikeDetector.detect(symbol, bars, DetectorSettings.DEFAULT);
            for (InjectedEvent event : injected) {
                events++;
                blocks += event.block() ? 1 : 0;
                found += spikes.stream().anyMatch(spike -> spike.start() < event.end() && spike.end() > event.start()
                        && spike.prints() == (event.block() ? Spike.Prints.BLOCK : Spike.Prints.BURST)) ? 1 : 0;
            }
            wrong += (int) spikes.stream().filter(spike -> injected.stream()
                    .noneMatch(event -> spike.start() < event.end() && spike.end() > event.start())).count();
        }
        assertTrue(events >= 50, "events: " + events);
        assertTrue(blocks >= events / 4 && blocks <= 3 * events / 4, "block prints among them: " + blocks);
        assertTrue(found >= 0.95 * events, "found with their kind: " + found + " of " + events);
        assertTrue(wrong <= 0.05 * events, "spikes off every event: " + wrong);
    }
}
