package dev.tapewatch.bench;

import dev.tapewatch.ui.Icons;
import dev.tapewatch.ui.MainView;
import dev.tapewatch.ui.MainViewModel;
import dev.tapewatch.ui.Themes;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.FeedSettings;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.MarketServer;
import dev.tapewatch.store.StoreLocation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Makes the README's screenshot: the real window on a fresh simulated market (its own temporary database and
 * settings, so no user data shows), 09:25 ET at 20x speed, captured after the opening cross.
 * Run: {@code xvfb-run -s "-screen 0 1600x1000x24" java -cp target/tapewatch.jar dev.tapewatch.bench.ScreenshotTool docs/screenshot.png}
 */
public final class ScreenshotTool {
    private static Path target;

    private ScreenshotTool() {
    }

    public static void main(String[] args) {
        target = Path.of(args.length > 0 ? args[0] : "docs/screenshot.png");
        Application.launch(Shot.class);
    }

    /** The window being photographed; public for the JavaFX launcher. */
    public static final class Shot extends Application {
    @Override
    public void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("tapewatch-screenshot");
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        long start = ExchangeTime.toEpochMillis(LocalDate.of(2024, 3, 12), LocalTime.of(9, 22));
        LiveSession.Settings settings = new LiveSession.Settings(
                FeedSettings.simulator(MarketServer.Settings.defaults().withStart(start).withSpeed(20).withSeed(4)),
                StoreLocation.ofFile(dir.resolve("db")), DetectorSettings.DEFAULT,
                List.of("SPY", "AAPL", "MSFT", "NVDA", "TSLA", "AMD", "QQQ"));
        MainViewModel model = new MainViewModel(config, () -> settings);
        MainView view = new MainView(model);
        stage.setTitle("Tapewatch");
        stage.setScene(new Scene(view, 1500, 900));
        Icons.apply(stage);
        stage.show();
        model.start();
        Platform.runLater(() -> view.selectWindow("15 min"));
        PauseTransition wait = new PauseTransition(Duration.seconds(48));
        wait.setOnFinished(event -> {
            try {
                save(stage.getScene().snapshot(null), target);
                view.dispose();
                model.close();
            } catch (IOException | InterruptedException e) {
                e.printStackTrace();
            }
            Platform.exit();
        });
        wait.play();
    }

    private static void save(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
    }
}
