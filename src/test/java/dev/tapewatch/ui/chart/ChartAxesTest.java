package dev.tapewatch.ui.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import dev.tapewatch.ui.common.FxRead;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Axes a trader reads at a glance: time ticks at clock steps, volumes without scientific notation. */
@ExtendWith(ApplicationExtension.class)
class ChartAxesTest {
    private static final Set<Double> CLOCK_STEPS = Set.of(1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0,
            600.0, 900.0, 1800.0, 3600.0, 7200.0);
    private PriceVolumeChart chart;

    @Start
    void start(Stage stage) {
        chart = new PriceVolumeChart();
        stage.setScene(new Scene(chart, 1000, 700));
        stage.show();
    }

    @Test
    void timeTicksFallOnClockStepsAndVolumesReadPlainly(FxRobot robot) {
        for (long seconds : new long[] {50, 700, 3_600, 5 * 3_600}) {
            long from = TestBars.at(9, 30, 0);
            List<Bar> bars = new ArrayList<>();
            for (long s = 0; s < seconds; s++) {
                long t = from + s * 1000;
                bars.add(Bar.of("SPY", t, t + 1000, 470, 470.1, 469.9, 470, 9_000 + (s * 7919) % 8_000, 470));
            }
            robot.interact(() -> chart.show(ChartSnapshot.of(bars, List.of(), List.of(), List.of(), 60,
                    new long[] {from, from + seconds * 1000})));
            Await.until(Duration.ofSeconds(20), "ticks for " + seconds + " s", () -> {
                List<Double> ticks = FxRead.on(robot, this::timeTicks);
                return ticks.size() >= 2 && ticks.get(0) >= from / 1000.0
                        && ticks.get(ticks.size() - 1) <= (from / 1000.0) + seconds;
            });
            List<Double> ticks = FxRead.on(robot, this::timeTicks);
            for (int i = 1; i < ticks.size(); i++) {
                double step = ticks.get(i) - ticks.get(i - 1);
                assertTrue(CLOCK_STEPS.contains(step), "a step of " + step + " s over " + seconds + " s: " + ticks);
                assertTrue(ticks.get(i) % step == 0, "tick " + ticks.get(i) + " not on a whole " + step + " s");
            }
            for (String label : FxRead.on(robot, () -> ChartProbe.axis(chart, "volumeAxis").getTickMarks().stream()
                    .map(TickMark::getText).map(String::strip).toList())) {
                assertTrue(label.matches("\\d+(\\.\\d)?[kM]?"), "volume label '" + label + "'");
            }
        }
    }

    /** The values of the labelled time axis's ticks, as drawn. */
    private List<Double> timeTicks() {
        return ChartProbe.axis(chart, "timeAxis").getTickMarks().stream().map(TickMark::getValue).toList();
    }
}
