package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
    void aWholeSimulatedMarketIsTheDemoWithoutAKey() throws Exception {
        CliTest.Run wrong = CliTest.run("movers", "--all", "--market", "100", "--provider", "polygon", "--key", "k");
        assertEquals(ExitCodes.USAGE, wrong.code());
        assertTrue(wrong.err().contains("--market N (1 to 100000) is for the simulator"), wrong.err());
        CliTest.Run demo = CliTest.run("movers", "--all", "--market", "2000", "--provider", "simulator", "--speed",
                "50", "--start", "2024-01-02T10:30", "--duration", "20s", "--json"); // some 1,000 market seconds
        assertEquals(ExitCodes.OK, demo.code(), demo.err());
        List<String> movers = demo.out().lines().filter(line -> line.startsWith("{")).toList();
        assertTrue(!movers.isEmpty(), "movers of the simulated market: " + demo.out() + demo.err());
        for (String line : movers) {
            JsonNode mover = new ObjectMapper().readTree(line);
            assertTrue(mover.get("score").asDouble() >= 10 && mover.get("start_ms").asLong() > 0
                    && mover.get("detected_at_ms").asLong() > 0 && mover.has("change_pct"), line);
        }
        assertTrue(demo.err().contains("among 2000 symbols received"), demo.err());
    }

    @Test
    void spikesNeedsASymbolOrAll() {
        CliTest.Run neither = CliTest.run("spikes", "--date", "2024-01-02");
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("'--symbol=SYMBOL' (or --all for every stored symbol)"), neither.err());
    }
}
