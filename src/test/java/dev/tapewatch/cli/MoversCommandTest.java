package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad options of {@code movers} and {@code spikes} are refused before anything connects, saying what to do. */
class MoversCommandTest {
    @Test
    void whatToWatchMustBeSaidOnce() {
        CliTest.Run neither = CliTest.run("movers", "--provider", "simulator");
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("'--symbols=SYM,SYM' (or --all for every symbol)"), neither.err());
        CliTest.Run both = CliTest.run("movers", "--all", "--symbols", "SPY");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("give either --symbols or --all, not both"), both.err());
    }

    @Test
    void filtersAreChecked() {
        CliTest.Run kind = CliTest.run("movers", "--all", "--kinds", "burst,spike");
        assertEquals(ExitCodes.USAGE, kind.code());
        assertTrue(kind.err().contains("unknown kind 'spike': burst, block or price"), kind.err());
        CliTest.Run range = CliTest.run("movers", "--all", "--min-price", "10", "--max-price", "5");
        assertEquals(ExitCodes.USAGE, range.code());
        assertTrue(range.err().contains("the price range must run from 0 or more up, was 10.0 to 5.0"), range.err());
    }

    @Test
    void spikesNeedsASymbolOrAll() {
        CliTest.Run neither = CliTest.run("spikes", "--date", "2024-01-02");
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("'--symbol=SYMBOL' (or --all for every stored symbol)"), neither.err());
    }
}
