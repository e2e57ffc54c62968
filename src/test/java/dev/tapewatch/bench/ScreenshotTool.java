package dev.tapewatch.bench;

import dev.tapewatch.TempFolders;
import dev.tapewatch.app.Providers;
import dev.tapewatch.ui.Icons;
import dev.tapewatch.ui.MainView;
import dev.tapewatch.ui.MainViewModel;
import dev.tapewatch.ui.common.Themes;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.sim.SimulatorSettings;
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
 * Makes the README's screenshots, dark and light: the real window on a fresh simulated market (its own temporary
 * database and settings, so no user data shows), 09:22 ET at 20x speed, four charts (the third in 1 min candles),
 * a price alert line on SPY and the alert log, captured after the opening cross.
 * Run: {@code scripts/screenshots.sh docs} (the test class path, under a virtual display).
 * <p>
 * {@code scripts/screenshots.sh folder 1024x700 2} photographs another window size and chart count instead (files
 * named {@code screenshot-1024x700-2-dark.png}), for checking a layout by eye.
 */
public final class ScreenshotTool {
    private static Path folder;
    private static int width = 1600;
    private static int height = 960;
    private static String charts = "4";
    private static String name = "screenshot";

    private ScreenshotTool() {
    }

    public static void main(String[] args) {
        folder = Path.of(args.length > 0 ? args[0] : "docs");
        if (args.length > 2) {
            String[] size = args[1].split("x");
            width = Integer.parseInt(size[0]);
            height = Integer.parseInt(size[1]);
            charts = args[2];
            name = "screenshot-" + args[1] + "-" + charts;
        }
        dev.tapewatch.ui.DesktopLauncher.useRenderingDefaults(); // rendered as the app renders
        Application.launch(Shot.class);
    }

    /** The window being photographed; public for the JavaFX launcher. */
    public static final class Shot extends Application {
    @Override
    public void start(Stage stage) throws IOException {
        Path dir = TempFolders.create("tapewatch-screenshot");
        AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
        Themes.apply(config, "dark");
        config.set("alerts.sound", "false");
        config.set("alerts.desktop", "false");
        config.set("ui.charts", charts);
        config.set("ui.chart.0.window", "15 min");
        config.set("ui.chart.2.step", "1 min");
        config.set("ui.chart.2.window", "1 h");
        long start = ExchangeTime.toEpochMillis(LocalDate.of(2024, 3, 12), LocalTime.of(9, 22));
        LiveSession.Settings settings = new LiveSession.Settings(
                Providers.simulator(SimulatorSettings.builder().start(start).speed(20).seed(4).build()),
                StoreLocation.ofFile(dir.resolve("db")), DetectorSettings.DEFAULT,
                List.of("SPY", "AAPL", "NVDA", "TSLA", "MSFT", "AMD", "QQQ"));
        MainViewModel model = new MainViewModel(config, () -> settings);
        MainView view = new MainView(model);
        stage.setTitle("Tapewatch");
        stage.setScene(new Scene(view, width, height));
        Icons.apply(stage);
        stage.show();
        model.start();
        after(30, () -> view.showAlertLineAtLast("SPY", 0.05));
        after(50, view::showAlerts);
        after(52, () -> {
            save(stage.getScene().snapshot(null), folder.resolve(name + "-dark.png"));
            Themes.apply(config, "light");
        });
        after(54, () -> {
            save(stage.getScene().snapshot(null), folder.resolve(name + "-light.png"));
            view.dispose();
            try {
                model.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.exit();
        });
    }

    private static void after(double seconds, Runnable step) {
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(event -> step.run());
        wait.play();
    }

    private static void save(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    }
}
