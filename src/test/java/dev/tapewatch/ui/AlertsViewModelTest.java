package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.alert.Alert;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSeries;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts' view model on the test's thread: spikes and bars in, the log, the toast and the settings file out. */
class AlertsViewModelTest {
    private static final long T = 1_704_205_800_000L; // 2024-01-02 09:30 ET

    @TempDir
    Path dir;
    private AppConfig config;
    private AlertsViewModel alerts;
    private final LiveSeries series = new LiveSeries();

    @BeforeEach
    void open() {
        config = AppConfig.load(dir.resolve("tapewatch.properties"));
        config.set(AlertsViewModel.SOUND, "false"); // no tones or desktop notifications from a test run
        config.set(AlertsViewModel.DESKTOP, "false");
        alerts = new AlertsViewModel(config);
    }

    @AfterEach
    void close() {
        alerts.close();
    }

    private static Spike volumeSpike(String symbol, long start, double score) {
        return new Spike(symbol, start, start + 3_000, start + 1_000, Spike.Kind.VOLUME, score, 12);
    }

    private static Bar bar(String symbol, long start, double low, double high, double close) {
        return Bar.of(symbol, start, start + 1_000, close, high, low, close, 100, close);
    }

    @Test
    void aBurstOfSpikesIsOneAlertPer30SecondsOfMarketTime() {
        alerts.spikeArrived(volumeSpike("SPY", T, 9.1));
        alerts.spikeArrived(volumeSpike("SPY", T + 10_000, 9.5)); // within 30 s of the first: the same burst
        alerts.spikeArrived(volumeSpike("AAPL", T + 10_000, 7.0));
        assertEquals(List.of(), alerts.log(), "nothing is judged before the refresh");
        alerts.refresh(series);
        assertEquals(List.of(new Alert(T + 10_000, "AAPL", Alert.Kind.SPIKE, "volume 12x (score 7.0)"),
                new Alert(T, "SPY", Alert.Kind.SPIKE, "volume 12x (score 9.1)")), alerts.log());
        assertEquals("AAPL", alerts.toastProperty().get().symbol());
        assertEquals(2, alerts.recentDelays().size());

        alerts.spikeArrived(volumeSpike("SPY", T + 30_000, 9.1));
        alerts.refresh(series);
        assertEquals(3, alerts.log().size());
        alerts.dismissToast();
        assertNull(alerts.toastProperty().get());
    }

    @Test
    void mutedSymbolsAndWeakSpikesStaySilentAndTheChoiceIsRemembered() {
        alerts.mute("SPY", true);
        alerts.minimumScoreProperty().set(8);
        alerts.spikeArrived(volumeSpike("SPY", T, 20));
        alerts.spikeArrived(volumeSpike("AAPL", T, 7.9));
        alerts.refresh(series);
        assertEquals(List.of(), alerts.log());
        assertEquals("SPY", config.get(AlertsViewModel.MUTED).orElseThrow());
        assertEquals("8.0", config.get(AlertsViewModel.MIN_SCORE).orElseThrow());

        AlertsViewModel reopened = new AlertsViewModel(config);
        try {
            assertTrue(reopened.muted("SPY"));
            assertEquals(8.0, reopened.minimumScoreProperty().get());
        } finally {
            reopened.close();
        }
    }

    @Test
    void aPriceLineAlertsOnceWhenABarReachesItEvenBetweenTwoLooks() {
        alerts.addLevel("SPY", 471.004); // kept to the cent
        assertEquals(List.of(471.0), alerts.levels().get("SPY"));
        assertEquals("SPY:471.0", config.get(AlertsViewModel.LEVELS).orElseThrow());
        series.bars(List.of(bar("SPY", T, 469.5, 470.2, 470.0)));
        alerts.refresh(series); // the first bar only says where the price stands
        assertEquals(List.of(), alerts.log());

        // two bars between looks: the first wicks through the line and closes back below it
        series.bars(List.of(bar("SPY", T + 1_000, 469.9, 471.02, 470.1), bar("SPY", T + 2_000, 469.8, 470.3, 470.0)));
        alerts.refresh(series);
        assertEquals(List.of(new Alert(T + 1_000, "SPY", Alert.Kind.PRICE_LEVEL, "up to 471.00 (high 471.02)")),
                alerts.log());
        assertTrue(alerts.fired("SPY", 471.0));

        series.bars(List.of(bar("SPY", T + 3_000, 469.9, 471.5, 471.2)));
        alerts.refresh(series);
        assertEquals(1, alerts.log().size(), "a line alerts once");

        alerts.moveLevel("SPY", 471.0, 470.5); // moved: it may alert again
        assertFalse(alerts.fired("SPY", 470.5));
        assertEquals("SPY:470.5", config.get(AlertsViewModel.LEVELS).orElseThrow());
        alerts.removeLevel("SPY", 470.5);
        assertEquals("", config.get(AlertsViewModel.LEVELS).orElse(""));
        assertEquals(null, alerts.levels().get("SPY"));
    }
}
