package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.DetectorConfig;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.polygon.Polygon;
import dev.tapewatch.ui.common.Themes;
import dev.tapewatch.ui.history.HistoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model's logic, without the toolkit. */
class MainViewModelTest {
    @TempDir
    Path dir;

    @Test
    void rejectsABadTickerWithAClearMessage() {
        MainViewModel model = new MainViewModel(AppConfig.load(dir.resolve("t.properties")), () -> null);
        assertEquals("Symbol: '$$$' is not a US ticker. Type letters, digits, '.' and '-', e.g. SPY or BRK.B.",
                model.watchlist().addSymbol("$$$").orElseThrow());
        assertTrue(model.watchlist().suggestions("micro").contains("MSFT"));
        assertEquals("SPY", model.watchlist().suggestions("SP").get(0));
    }

    @Test
    void aSelectionCountsTheBarsAndVolumeItCovers() {
        MainViewModel model = new MainViewModel(AppConfig.load(dir.resolve("t.properties")), () -> null);
        long t = 1_704_205_800_000L;
        List<Bar> bars = List.of(Bar.of("SPY", t + 1000, t + 2000, 1, 1, 1, 1, 10, 1),
                Bar.of("SPY", t + 2000, t + 3000, 1, 1, 1, 1, 20, 1), Bar.of("SPY", t + 5000, t + 6000, 1, 1, 1, 1, 40, 1));
        model.history().select(t + 5500, t + 1200, bars);
        HistoryViewModel.Selection selection = model.history().selectionProperty().get();
        assertEquals(t + 1000, selection.from());
        assertEquals(t + 6000, selection.to());
        assertEquals(3, selection.bars());
        assertEquals(70, selection.volume());
    }

    @Test
    void settingsRoundTripThroughTheFileWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("config/tapewatch.properties");
        AppConfig config = AppConfig.load(file);
        DetectorSettings edited = new DetectorSettings(90, 3.5, 200, 5, 6, 0.003, 3, 8);
        config.set(SettingsInput.PROVIDER, "polygon-delayed");
        config.set(Polygon.KEY, "k-123");
        config.set(Themes.KEY, "light");
        DetectorConfig.write(config, edited);
        config.save();
        AppConfig reread = AppConfig.load(file);
        assertEquals(edited, DetectorConfig.read(reread));
        assertEquals("polygon-delayed", reread.get(SettingsInput.PROVIDER).orElseThrow());
        assertEquals("k-123", reread.get(Polygon.KEY).orElseThrow());
        assertEquals("light", Themes.current(reread));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** #15 defect 9: a fresh install says there is no earlier day, rather than offering an empty calendar. */
    @Test
    void theDatePickerSaysWhenNoEarlierDayIsStored() {
        java.time.LocalDate today = java.time.LocalDate.of(2024, 1, 2);
        assertEquals("No past days yet", HistoryViewModel.hint(java.util.Set.of(), today));
        assertEquals("No past days yet", HistoryViewModel.hint(java.util.Set.of(today), today));
        assertEquals("Day (history)", HistoryViewModel.hint(java.util.Set.of(today.minusDays(1), today), today));
    }
}
