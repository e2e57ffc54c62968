package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.Await;
import dev.tapewatch.TestPostgres;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window with "Database (watch a recorder)" as its provider, on a real PostgreSQL, headless. */
@ExtendWith(ApplicationExtension.class)
class WatchDatabaseViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long TEN = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0));

    private StoreLocation database;
    private BarStore recorder;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        database = TestPostgres.newDatabase();
        recorder = BarStore.open(database, BarStore.Mode.CREATE);
        recorder.upsert(seconds(0, 60));
        Path dir = TempFolders.create("tapewatch-watch");
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        FeedSettings watch = new FeedSettings(Providers.DATABASE, null, null, 30_000, null, false);
        model = new MainViewModel(config, () -> new LiveSession.Settings(watch, database, DetectorSettings.DEFAULT,
                List.of("SPY")));
        view = new MainView(model);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(view::dispose);
        model.close();
        recorder.close();
    }

    private static List<Bar> seconds(int from, int to) {
        List<Bar> bars = new ArrayList<>();
        for (int i = from; i < to; i++) {
            double price = 470 + (i % 7) * 0.01;
            bars.add(Bar.of("SPY", TEN + i * 1000L, TEN + i * 1000L + 1000, price, price + 0.02, price - 0.01,
                    price + 0.01, 100 + i, price));
        }
        return bars;
    }

    @Test
    void chartsWhatTheRecorderStoresWithoutAnUpstreamConnection(FxRobot robot) {
        model.start();
        Await.until(WAIT, "the stored minute on the chart", () -> view.chart().shownBars().size() == 60,
                () -> "shown " + view.chart().shownBars().size());
        assertEquals("Database (watch a recorder)", robot.lookup("#provider").queryAs(Label.class).getText());
        recorder.upsert(seconds(60, 75));
        Await.until(WAIT, "the bars stored next", () -> view.chart().shownBars().size() == 75,
                () -> "shown " + view.chart().shownBars().size());
    }
}
