package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.ChildJvm;
import dev.tapewatch.TapeServer;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.InvalidBarException;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void allRecordsEverySymbolTheProviderSendsUnderOneSpan() {
        Path db = dir.resolve("all");
        CliTest.Run run = CliTest.run("record", "--all", "--duration", "3s", "--speed", "20", "--start",
                "2024-01-02T10:00", "--db", db.toString(), "--no-backfill");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("Recording every symbol"), run.out());
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            assertTrue(store.symbols().size() >= 30, store.symbols().toString());
            List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
            assertEquals(List.of(CoverageSpan.ALL_SYMBOLS), spans.get(0).symbols());
            assertTrue(spans.get(0).covers("NVDA"));
        }
    }

    @Test
    void symbolsAndAllTogetherAreABadArgument() {
        CliTest.Run run = CliTest.run("record", "--all", "--symbols", "SPY", "--db", dir.resolve("x").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("either --symbols or --all"), run.err());
    }

    @Test
    void barsDatedBefore1990OrMoreThanADayAheadAreMalformed() {
        long now = System.currentTimeMillis();
        assertThrows(InvalidBarException.class, () -> Bar.of("SPY", 5_000, 6_000, 1, 1, 1, 1, 1, 1));
        assertThrows(InvalidBarException.class, () -> Bar.of("SPY", now + 2 * 86_400_000L,
                now + 2 * 86_400_000L + 1000, 1, 1, 1, 1, 1, 1));
        assertEquals("SPY", Bar.of("SPY", now, now + 1000, 1, 1, 1, 1, 1, 1).symbol());
    }

    @Test
    void recordUsesTheSettingsFilesProviderUrlAndDatabaseAndNeverPrintsTheKey() throws Exception {
        String key = "file-key-93ab27";
        List<Bar> tape = BackfillAndAuditTest.tape().subList(0, 40);
        Path home = dir.resolve("home");
        Path database = dir.resolve("from-settings");
        try (TapeServer server = TapeServer.start(tape, key, 20)) {
            Path config = home.resolve("config/tapewatch/tapewatch.properties");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "provider=polygon\npolygon.key=" + key + "\nurl=" + server.url() + "/?apiKey="
                    + key + "\nrest.url=" + server.restUrl() + "\ndatabase=" + database + "\n");
            try (ChildJvm child = ChildJvm.start(home, List.of(), "record", "--symbols", "SPY,AAPL", "--status-every",
                    "200ms")) {
                child.awaitLine(WAIT, "the recording line", line -> line.startsWith("Recording"));
                dev.tapewatch.Await.until(WAIT, "the tape", server::finished);
                child.awaitLine(WAIT, "every bar stored", line -> line.contains("received " + tape.size()
                        + " ") && line.contains("waiting 0"));
                child.terminate();
                assertEquals(0, child.awaitExit(WAIT), child.err());
                String recording = child.out().get(0);
                assertTrue(recording.contains(server.url()), recording);
                assertTrue(recording.contains("apiKey=***"), recording);
                assertTrue(recording.contains(database.toString()), recording);
                assertFalse(String.join("\n", child.out()).contains(key));
                assertFalse(child.err().contains(key), child.err());
                assertTrue(child.err().contains("can be read by other users"), "the open settings file is warned"
                        + " about: " + child.err());
            }
        }
        try (BarStore store = BarStore.open(StoreLocation.ofFile(database), BarStore.Mode.EXISTING)) {
            assertEquals(tape.size(), store.countBars());
        }
    }
}
