package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedFlags;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.polygon.LocalTapewatch;
import dev.tapewatch.sim.SimulatorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window sharing its live stream, and a second window using it as its provider ("Local Tapewatch"). */
class ShareTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aSecondWindowStreamsTheSharedStreamWithTheKeyAndIsRefusedWithoutIt() throws Exception {
        FeedSettings simulator = Providers.simulator(SimulatorSettings.builder().speed(20)
                .start(ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0))).build());
        StoreLocation sharingDb = StoreLocation.ofFile(dir.resolve("sharing"));
        StoreLocation localDb = StoreLocation.ofFile(dir.resolve("local"));
        List<Bar> received;
        try (LiveSession sharing = LiveSession.start(new LiveSession.Settings(simulator, sharingDb,
                DetectorSettings.DEFAULT, List.of("SPY", "AAPL"), new LiveSession.Share(0, "local-key-1")))) {
            assertTrue(sharing.sharedAt().matches("ws://127\\.0\\.0\\.1:\\d+/stocks"), sharing.sharedAt());
            AppConfig config = AppConfig.load(dir.resolve("local.properties"));
            config.set(SettingsInput.PROVIDER, "local");
            config.set(SettingsInput.URL, sharing.sharedAt());
            config.set(LocalTapewatch.KEY, "local-key-1");
            FeedSettings local = Providers.feed(config, Map.of(), FeedFlags.NONE);
            assertEquals(URI.create("http://127.0.0.1:" + URI.create(sharing.sharedAt()).getPort()), local.restUrl());
            try (LiveSession watching = LiveSession.start(new LiveSession.Settings(local.withBackfill(false), localDb,
                    DetectorSettings.DEFAULT, List.of("SPY")))) {
                Await.until(WAIT, "shared bars", () -> watching.series().bars("SPY", 0, Long.MAX_VALUE).size() >= 30);
                assertEquals(Providers.LOCAL, watching.provider());
                FeedSettings wrong = new FeedSettings(Providers.LOCAL, URI.create(sharing.sharedAt()), "guess", 30_000,
                        null, false);
                try (LiveSession stranger = LiveSession.start(new LiveSession.Settings(wrong,
                        StoreLocation.ofFile(dir.resolve("stranger")), DetectorSettings.DEFAULT, List.of("SPY")))) {
                    Await.until(WAIT, "the wrong key refused",
                            () -> stranger.status().state() == FeedStatus.State.FAILED, () -> stranger.status().toString());
                    assertEquals(0, stranger.series().bars("SPY", 0, Long.MAX_VALUE).size());
                }
                received = watching.series().bars("SPY", 0, Long.MAX_VALUE);
            }
        }
        try (BarStore store = BarStore.open(sharingDb, BarStore.Mode.EXISTING)) {
            for (Bar bar : received) {
                assertEquals(List.of(bar), store.bars("SPY", bar.start(), bar.end()), "shared = stored by the sharer");
            }
        }
    }
}
