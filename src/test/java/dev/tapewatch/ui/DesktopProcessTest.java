package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.ChildJvm;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app in a JVM of its own (headless), stopped by SIGTERM as a logout or service manager does. */
class DesktopProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dheadless.geometry=1280x800-32");

    @TempDir
    Path home;

    @Test
    void sigtermStoresWhatWasReceivedSavesTheSettingsAndExitsZero() throws Exception {
        Path config = home.resolve("config/tapewatch/tapewatch.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "simulator.start=2024-01-02T10:00\nsimulator.speed=20\nwatchlist=SPY,AAPL\n"
                + "backfill=false\n");
        Path database = home.resolve("data/tapewatch/simulated.mv.db");
        try (ChildJvm app = ChildJvm.start(home, HEADLESS)) {
            // The database file grows with every stored batch.
            Await.until(WAIT, "bars being stored", () -> Files.exists(database) && size(database) > 64 * 1024,
                    () -> app.err());
            app.terminate();
            assertEquals(0, app.awaitExit(WAIT), app.err());
            assertTrue(!app.err().contains("already closed"), app.err());
        }
        AppConfig saved = AppConfig.load(config);
        assertEquals("SPY,AAPL", saved.get("watchlist").orElseThrow());
        assertTrue(saved.get("ui.width").isPresent(), "the window layout was saved");
        try (BarStore store = BarStore.open(StoreLocation.ofFile(database), BarStore.Mode.EXISTING)) {
            assertTrue(store.countBars() > 0);
            List<CoverageSpan> spans = store.coverage(0, Long.MAX_VALUE);
            assertEquals("stopped", spans.get(spans.size() - 1).endReason(), spans.toString());
            long lastBarEnd = Math.max(store.lastBars("SPY", 0, Long.MAX_VALUE, 1).get(0).end(),
                    store.lastBars("AAPL", 0, Long.MAX_VALUE, 1).get(0).end());
            assertEquals(lastBarEnd, spans.get(spans.size() - 1).end(), "the span ends at the last stored bar");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
