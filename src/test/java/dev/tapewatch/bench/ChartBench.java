package dev.tapewatch.bench;

import dev.tapewatch.TempFolders;
import dev.tapewatch.app.Providers;
import dev.tapewatch.ui.chart.ChartSnapshot;
import dev.tapewatch.ui.MainView;
import dev.tapewatch.ui.MainViewModel;
import dev.tapewatch.ui.chart.PriceVolumeChart;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.sim.SimSymbol;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.sim.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;

/**
 * Chart rendering figures, in a JVM of its own (the command line never starts JavaFX): the time from a loaded
 * day to its first laid-out frame for our chart and for JavaFX's LineChart and BarChart fed the same bars, and
 * frame times of the whole window while 30 symbols stream at 50x. Run by {@code tapewatch bench chart}.
 */
public final class ChartBench {
    private static final int SECONDS = 16 * 3600;
    private static final long START = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(4, 0));
    private static final long JAVAFX_CHART_LIMIT_SECONDS = 60;
    private static Path out;
    private static int runs;

    private ChartBench() {
    }

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "target/bench/results.json");
        runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        dev.tapewatch.ui.DesktopLauncher.useRenderingDefaults(); // rendered as the app renders
        Application.launch(Bench.class);
    }

    /** The benchmark's window; public for the JavaFX launcher. */
    public static final class Bench extends Application {
        private Stage stage;

        @Override
        public void start(Stage primary) {
            stage = primary;
            stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1400, 850));
            stage.show();
            Thread runner = new Thread(this::run, "chart-bench");
            runner.setDaemon(true);
            runner.start();
        }

        private void run() {
            Map<String, Object> figures = new LinkedHashMap<>();
            try {
                List<Bar> day = fullDay();
                List<Spike> spikes = SpikeDetector.detect("SPY", day, DetectorSettings.DEFAULT);
                figures.put("bars", day.size());
                figures.put("spike_bands", spikes.size());
                java.util.function.Consumer<Parent> loadDay = node -> {
                    PriceVolumeChart chart = (PriceVolumeChart) node;
                    chart.show(ChartSnapshot.of(day, spikes, List.of(), List.of(),
                            DetectorSettings.DEFAULT.windowSeconds(),
                            new long[] {day.get(0).start(), day.get(day.size() - 1).end()}));
                };
                // The first chart of a JVM also pays for class loading, CSS and a cold JIT: reported apart.
                figures.put("day_first_frame_cold_jvm_ms", firstFrame(PriceVolumeChart::new, loadDay));
                double ours = median(PriceVolumeChart::new, loadDay);
                figures.put("day_first_frame_median_ms", ours);
                save(figures);
                double[] gapP99 = new double[runs];
                double[] workP99 = new double[runs];
                double[] gapP50 = new double[runs];
                for (int run = 0; run < runs; run++) {
                    double[] live = liveFrames();
                    gapP50[run] = live[0];
                    gapP99[run] = live[1];
                    workP99[run] = live[2];
                }
                figures.put("live_symbols_at_50x", 30);
                figures.put("live_frame_interval_p50_ms", new Spread(gapP50).toString());
                figures.put("live_frame_interval_p99_ms", new Spread(gapP99).toString());
                figures.put("live_pulse_work_p99_ms", new Spread(workP99).toString());
                // JavaFX's own charts: an hour of bars first, then the full day with a time limit, last, since
                // a chart that takes minutes holds the FX thread for all of them.
                List<Bar> hour = day.subList(0, 3_600);
                figures.put("javafx_linechart_1h_first_frame_ms", median(() -> javafxLineChart(hour), n -> { }));
                figures.put("javafx_barchart_1h_first_frame_ms", firstFrame(() -> javafxBarChart(hour), n -> { }));
                save(figures);
                double line = median(() -> javafxLineChart(day), node -> { });
                figures.put("javafx_linechart_day_first_frame_ms", limited(line));
                save(figures);
                double bars = line == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                        : firstFrame(() -> javafxBarChart(day), node -> { });
                figures.put("javafx_barchart_day_first_frame_ms", limited(bars));
                figures.put("javafx_day_over_ours", bars == Double.POSITIVE_INFINITY
                        ? "> " + Math.round(JAVAFX_CHART_LIMIT_SECONDS * 1000 / ours) : (line + bars) / ours);
                save(figures);
                figures.forEach((name, value) -> System.out.printf("  %-36s %s%n", name, value));
                System.out.flush();
                System.exit(0); // the FX thread may still be busy with a JavaFX chart past its limit
            } catch (Exception e) {
                e.printStackTrace();
            }
            Platform.exit();
        }

        private static Object limited(double millis) {
            return millis == Double.POSITIVE_INFINITY ? "> " + JAVAFX_CHART_LIMIT_SECONDS * 1000 : millis;
        }

        private static void save(Map<String, Object> figures) throws java.io.IOException {
            BenchResults results = new BenchResults();
            results.put("chart", new LinkedHashMap<>(figures));
            results.write(out);
        }

        /**
         * The median of five runs: each run also waits for the software renderer to finish rasterising the
         * previous frame, which makes single runs noisy on two cores.
         */
        private double median(java.util.function.Supplier<Parent> create, java.util.function.Consumer<Parent> load)
                throws Exception {
            double[] runs = new double[5];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = firstFrame(create, load);
                if (runs[i] == Double.POSITIVE_INFINITY) {
                    return runs[i];
                }
            }
            Arrays.sort(runs);
            return runs[runs.length / 2];
        }

        /** Milliseconds from showing the node (with its data) to the end of the first pulse that laid it out. */
        private double firstFrame(java.util.function.Supplier<Parent> create,
                                  java.util.function.Consumer<Parent> load) throws Exception {
            CompletableFuture<Double> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                Parent node = create.get();
                Scene scene = stage.getScene();
                long started = System.nanoTime();
                load.accept(node);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    done.complete((System.nanoTime() - started) / 1e6);
                };
                scene.setRoot(node);
                scene.addPostLayoutPulseListener(listener[0]);
            });
            try {
                return done.get(JAVAFX_CHART_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return Double.POSITIVE_INFINITY;
            }
        }

        /**
         * The whole window while 30 symbols stream at 50x for 20 s: frame-to-frame intervals (p50, p99; at least
         * the display's 16.7 ms) and the FX thread's work per pulse, from before layout to after it (p99).
         */
        private double[] liveFrames() throws Exception {
            Path dir = TempFolders.create("tapewatch-chart-bench");
            AppConfig config = AppConfig.load(dir.resolve("tapewatch.properties"));
            LiveSession.Settings settings = new LiveSession.Settings(Providers.simulator(SimulatorSettings.builder()
                    .start(ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0))).speed(50).build()),
                    StoreLocation.ofFile(dir.resolve("db")), DetectorSettings.DEFAULT, SimSymbol.DEFAULTS.subList(0, 30));
            MainViewModel model = new MainViewModel(config, () -> settings);
            List<Long> frames = new ArrayList<>();
            CompletableFuture<MainView> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                MainView view = new MainView(model);
                stage.getScene().setRoot(view);
                view.selectWindow("1 h");
                model.start();
                shown.complete(view);
            });
            MainView view = shown.get(30, TimeUnit.SECONDS);
            Thread.sleep(5_000); // let the session start and the window fill
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames.add(now);
                }
            };
            List<Long> work = new ArrayList<>();
            long[] pulseStart = new long[1];
            Runnable before = () -> pulseStart[0] = System.nanoTime();
            Runnable after = () -> work.add(System.nanoTime() - pulseStart[0]);
            Platform.runLater(() -> {
                stage.getScene().addPreLayoutPulseListener(before);
                stage.getScene().addPostLayoutPulseListener(after);
                timer.start();
            });
            Thread.sleep(20_000);
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            Platform.runLater(() -> {
                timer.stop();
                stage.getScene().removePreLayoutPulseListener(before);
                stage.getScene().removePostLayoutPulseListener(after);
                view.dispose();
                stopped.complete(null);
            });
            stopped.get(10, TimeUnit.SECONDS);
            model.close();
            double[] gaps = new double[Math.max(0, frames.size() - 1)];
            for (int i = 1; i < frames.size(); i++) {
                gaps[i - 1] = (frames.get(i) - frames.get(i - 1)) / 1e6;
            }
            Arrays.sort(gaps);
            double[] pulses = work.stream().mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
            return new double[] {percentile(gaps, 50), percentile(gaps, 99), percentile(pulses, 99)};
        }

        private static double percentile(double[] sorted, double percent) {
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1,
                    Math.floor(percent / 100 * sorted.length))];
        }
    }

    private static List<Bar> fullDay() {
        List<Bar> bars = new ArrayList<>(SECONDS);
        double price = 470;
        for (int s = 0; s < SECONDS; s++) {
            double open = price;
            price = Math.max(1, price + Math.sin(s * 0.37) * 0.03 + Math.cos(s * 0.011) * 0.01);
            double volume = 500 + (s * 7919L) % 700 + (s % 3600 == 1800 ? 40_000 : 0);
            bars.add(new Bar("SPY", START + s * 1000L, START + s * 1000L + 1000, open, Math.max(open, price) + 0.02,
                    Math.min(open, price) - 0.02, price, volume, (open + price) / 2, 0, 0, 0, 0, false));
        }
        return bars;
    }

    private static Parent javafxLineChart(List<Bar> bars) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            points.add(new XYChart.Data<>(bar.start() / 1000.0, bar.close()));
        }
        series.getData().setAll(points);
        chart.getData().add(series);
        return chart;
    }

    private static Parent javafxBarChart(List<Bar> bars) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<XYChart.Data<String, Number>> points = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            points.add(new XYChart.Data<>(Long.toString(bar.start() / 1000), bar.volume()));
        }
        series.getData().setAll(points);
        chart.getData().add(series);
        return chart;
    }
}
