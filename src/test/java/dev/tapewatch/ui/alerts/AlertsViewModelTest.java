package dev.tapewatch.ui.alerts;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts' view model on the test's thread: spikes and bars in; what it raised, the toast and the settings out. */
class AlertsViewModelTest {
    private static final long T = 1_704_205_800_000L; // 2024-01-02 09:30 ET

    @TempDir
    Path dir;
    private AppConfig config;
    private AlertsViewModel alerts;
    private final LiveSeries series = new LiveSeries();
    private final List<Alert> raised = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void open() {
        config = AppConfig.load(dir.resolve("tapewatch.properties"));
        config.set(AlertsViewModel.SOUND, "false"); // no tones or desktop notifications from a test run
        config.set(AlertsViewModel.DESKTOP, "false");
        alerts = new AlertsViewModel(config, notices::add);
        alerts.onRaised(raised::add);
    }

    @AfterEach
    void close() throws InterruptedException {
        alerts.close();
    }

    /** A volume spike of the three seconds from {@code start}, with its bars in the live series. */
    private Spike volumeSpike(String symbol, long start, double score) {
        series.bars(List.of(bar(symbol, start - 1_000, 99.9, 100.1, 100), bar(symbol, start, 100, 100.6, 100.5),
                bar(symbol, start + 1_000, 100.4, 100.9, 100.8), bar(symbol, start + 2_000, 100.7, 101, 100.9)));
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
        assertEquals(List.of(), raised, "nothing is judged before the refresh");
        alerts.refresh(series);
        assertEquals(List.of("SPY", "AAPL"), raised.stream().map(Alert::symbol).toList());
        assertEquals(List.of(9.1, 7.0), raised.stream().map(Alert::score).toList());
        assertEquals("volume spike", raised.get(0).what());
        assertEquals(100.0, raised.get(0).fromPrice(), "the move is read from the close before the spike");
        assertEquals(100.9, raised.get(0).price());
        assertEquals(raised.get(1), alerts.toastProperty().get());
        assertEquals(2, alerts.recentDelays().size());

        alerts.spikeArrived(volumeSpike("SPY", T + 30_000, 9.1));
        alerts.refresh(series);
        assertEquals(3, raised.size());
        alerts.dismissToast();
        assertNull(alerts.toastProperty().get());
    }

    @Test
    void mutedSymbolsAndWeakSpikesStaySilentAndTheChoiceIsRemembered() throws InterruptedException {
        alerts.mute("SPY", true);
        alerts.minimumScoreProperty().set(8);
        alerts.spikeArrived(volumeSpike("SPY", T, 20));
        alerts.spikeArrived(volumeSpike("AAPL", T, 7.9));
        alerts.refresh(series);
        assertEquals(List.of(), raised);
        assertEquals("SPY", config.get(AlertsViewModel.MUTED).orElseThrow());
        assertEquals("8.0", config.get(AlertsViewModel.MIN_SCORE).orElseThrow());

        AlertsViewModel reopened = new AlertsViewModel(config, notices::add);
        try {
            assertTrue(reopened.muted("SPY"));
            assertEquals(8.0, reopened.minimumScoreProperty().get());
        } finally {
            reopened.close();
        }
    }

    @Test
    void aPriceLineAlertsOnceWhenABarReachesItEvenBetweenTwoLooks() {
        alerts.addLevel("SPY", 471.004, null); // kept to the cent; standing: judged every day
        assertEquals(List.of(471.0), alerts.levels().get("SPY"));
        assertEquals("SPY:471.0", config.get(AlertsViewModel.LEVELS).orElseThrow());
        alerts.addLevel("AAPL", 190, LocalDate.of(2024, 1, 2)); // a line of the day it was drawn on
        assertEquals("AAPL:190.0@2024-01-02;SPY:471.0", config.get(AlertsViewModel.LEVELS).orElseThrow());
        alerts.removeLevel("AAPL", 190.0);
        series.bars(List.of(bar("SPY", T, 469.5, 470.2, 470.0)));
        alerts.refresh(series); // the first bar only says where the price stands
        assertEquals(List.of(), raised);

        // two bars between looks: the first wicks through the line and closes back below it
        series.bars(List.of(bar("SPY", T + 1_000, 469.9, 471.02, 470.1), bar("SPY", T + 2_000, 469.8, 470.3, 470.0)));
        alerts.refresh(series);
        assertEquals(1, raised.size());
        assertEquals(Alert.Kind.PRICE_LEVEL, raised.get(0).kind());
        assertEquals(T + 1_000, raised.get(0).time());
        assertEquals("price line 471.00 reached from below", raised.get(0).what());
        assertEquals(471.02, raised.get(0).price(), "how far the bar went");
        assertTrue(alerts.fired("SPY", 471.0));

        series.bars(List.of(bar("SPY", T + 3_000, 469.9, 471.5, 471.2)));
        alerts.refresh(series);
        assertEquals(1, raised.size(), "a line alerts once");

        alerts.moveLevel("SPY", 471.0, 470.5); // moved: it may alert again
        assertFalse(alerts.fired("SPY", 470.5));
        assertEquals("SPY:470.5", config.get(AlertsViewModel.LEVELS).orElseThrow());
        alerts.removeLevel("SPY", 470.5);
        assertEquals("", config.get(AlertsViewModel.LEVELS).orElse(""));
        assertNull(alerts.levels().get("SPY"));
    }
}
