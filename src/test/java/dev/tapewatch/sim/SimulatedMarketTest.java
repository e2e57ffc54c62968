package dev.tapewatch.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    private static long at(int hour, int minute) {
        return ExchangeTime.toEpochMillis(DAY, LocalTime.of(hour, minute));
    }

    @Test
    void theSameSeedGivesTheSameBarsWhateverIsAskedInBetween() {
        SimulatedMarket market = new SimulatedMarket(7);
        List<Bar> whole = market.day("SPY", DAY).bars(at(9, 30), at(9, 40));
        SymbolDay skipping = market.day("SPY", DAY);
        skipping.barAt(at(5, 0));
        List<Bar> later = skipping.bars(at(9, 30), at(9, 40));
        assertEquals(whole, later);
        assertNotEquals(whole, new SimulatedMarket(8).day("SPY", DAY).bars(at(9, 30), at(9, 40)));
    }

    @Test
    void barsAreValidSecondsWithQuietSecondsMissingAndTheDayFieldsAccumulating() {
        List<Bar> bars = new SimulatedMarket(1).day("DIA", DAY).bars(at(4, 0), at(20, 0));
        assertTrue(bars.size() > 1000 && bars.size() < 57_600, "DIA trades thinly: " + bars.size());
        double accumulated = 0;
        for (Bar bar : bars) {
            assertEquals(1000, bar.end() - bar.start());
            assertEquals(0, bar.start() % 1000);
            accumulated += bar.volume();
            assertEquals(accumulated, bar.accumulatedVolume(), 1e-6);
            assertEquals(bar.start() >= at(9, 30), bar.dayOpen() > 0, "official open only from 09:30");
        }
        assertTrue(bars.get(0).start() >= at(4, 0));
        assertTrue(bars.get(bars.size() - 1).start() < at(20, 0));
    }

    @Test
    void injectedEventsShowAsVolumeBurstsAtTheirSecond() {
        SimulatedMarket market = new SimulatedMarket(3);
        List<InjectedEvent> events = market.events("AAPL", DAY);
        assertTrue(events.size() >= 10, "events: " + events.size());
        SymbolDay day = market.day("AAPL", DAY);
        for (InjectedEvent event : events.subList(0, 5)) {
            Bar bar = day.barAt(event.start());
            double base = market.day("AAPL", DAY).burstBase(event.start());
            assertTrue(base >= market.day("AAPL", DAY).expectedVolume(event.start()));
            assertTrue(bar.volume() >= event.volumeMultiple() * base * 0.9 - 1
                            && bar.volume() <= event.volumeMultiple() * base * 1.1 + 1,
                    "event " + event + " bar " + bar + " burst base " + base);
        }
    }

    @Test
    void theDefaultStartKeepsTheMarketAlive() {
        // Tuesday 2024-01-02 at 11:00 ET: market open, start now.
        ZonedDateTime open = ZonedDateTime.of(2024, 1, 2, 11, 0, 0, 0, ExchangeTime.ZONE);
        assertEquals(open.toInstant().toEpochMilli(), SimClock.defaultStart(open));
        // Tuesday at 22:00 ET: that day's 09:30.
        assertEquals(at(9, 30), SimClock.defaultStart(ZonedDateTime.of(2024, 1, 2, 22, 0, 0, 0, ExchangeTime.ZONE)));
        // Saturday: Friday's 09:30.
        long friday = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 5), LocalTime.of(9, 30));
        assertEquals(friday, SimClock.defaultStart(ZonedDateTime.of(2024, 1, 6, 12, 0, 0, 0, ExchangeTime.ZONE)));
        // Wednesday 03:00 ET: Tuesday's 09:30.
        assertEquals(at(9, 30), SimClock.defaultStart(ZonedDateTime.of(2024, 1, 3, 3, 0, 0, 0, ExchangeTime.ZONE)));
    }
}
