package dev.tapewatch.ui.chart;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.TestBars;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The chart control itself, headless: what a trader reads off it after each update. */
@ExtendWith(ApplicationExtension.class)
class ChartViewTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private PriceVolumeChart chart;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Themes.apply(AppConfig.load(TempFolders.create("chart-view").resolve("t.properties")), "dark");
        chart = new PriceVolumeChart();
        stage.setScene(new Scene(chart, 1000, 700));
        stage.show();
    }

    private static List<Bar> seconds(String symbol, long from, int count, double price, double volume) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = from + i * 1000L;
            double p = price + (i % 7) * 0.01;
            bars.add(Bar.of(symbol, t, t + 1000, p, p + 0.02, p - 0.02, p + 0.01, volume + i % 5, p));
        }
        return bars;
    }

    private String readout(FxRobot robot) {
        return FxRead.on(robot, () -> ChartProbe.readout(chart));
    }

    private void show(FxRobot robot, ChartSnapshot snapshot) {
        robot.interact(() -> chart.show(snapshot));
        Await.until(WAIT, "the snapshot applied", () -> FxRead.on(robot, chart::shown) == snapshot);
    }

    /** Defect 3: a spike of another symbol, shown in the same range, gets a volume axis that holds its bars. */
    @Test
    void anotherSymbolInTheSameRangeGetsItsOwnVolumeRangeAndReadout(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        show(robot, ChartSnapshot.of(seconds("SPY", from, 120, 470, 100), List.of(), List.of(), List.of(), 60,
                new long[] {from, from + 120_000}));
        assertTrue(readout(robot).startsWith("SPY "));
        assertTrue(FxRead.on(robot, () -> ChartProbe.axis(chart, "volumeAxis").getMax()) < 200);
        List<Bar> other = seconds("AMD", from, 120, 150, 10_000);
        show(robot, ChartSnapshot.of(other, List.of(new Spike("AMD", from + 60_000, from + 63_000, from + 61_000,
                Spike.Kind.VOLUME, 9, 12)), List.of(), List.of(), 60, null));
        double top = FxRead.on(robot, () -> ChartProbe.axis(chart, "volumeAxis").getMax());
        assertTrue(top >= 10_004, "the volume axis ends at " + top + ", below AMD's bars");
        assertTrue(readout(robot).startsWith("AMD "), readout(robot));
    }

    /** Defect 3: the crosshair reads a clock time and a price to the cent, not 14 decimals. */
    @Test
    void theCrosshairReadsAClockTimeAndAPriceToTheCent(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        show(robot, ChartSnapshot.of(seconds("SPY", from, 120, 470.123456, 100), List.of(), List.of(), List.of(), 60,
                new long[] {from, from + 120_000}));
        robot.moveTo(FxRead.on(robot, () -> chart.priceChart().getPlotArea()));
        Await.until(WAIT, "the crosshair label", () -> !robot.lookup(".chart-crosshair-label").queryAll().isEmpty()
                && !robot.lookup(".chart-crosshair-label").queryAs(Text.class).getText().isBlank());
        String text = FxRead.on(robot, () -> robot.lookup(".chart-crosshair-label").queryAs(Text.class).getText());
        assertTrue(text.matches("(?s)\\D*10:0\\d:\\d\\d\\D+\\d+\\.\\d\\d\\D*"), "crosshair reads '" + text + "'");
    }

    /** Defect 4: the same second sits at the same x in the price and the volume pane. */
    @Test
    void priceAndVolumePanesShareTheirTimeScale(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        // a price with many digits beside volumes with few: label widths as different as they get
        show(robot, ChartSnapshot.of(seconds("BRK.A", from, 300, 612_345.67, 3), List.of(), List.of(), List.of(), 60,
                new long[] {from, from + 300_000}));
        Await.until(WAIT, "both panes laid out", () -> FxRead.on(robot,
                () -> ChartProbe.sceneX(chart, "priceTimeAxis", from / 1000.0 + 150)) > 0);
        for (double second : new double[] {from / 1000.0 + 10, from / 1000.0 + 150, from / 1000.0 + 290}) {
            double[] x = FxRead.on(robot, () -> new double[] {ChartProbe.sceneX(chart, "priceTimeAxis", second),
                    ChartProbe.sceneX(chart, "timeAxis", second)});
            assertEquals(x[0], x[1], 0.5, "price and volume x of the same second");
        }
    }

    /** Deliverable 6: price over volume, 70 % to 30 % of the height by default. */
    @Test
    void thePricePaneHasSeventyPercentOfTheHeight(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        show(robot, ChartSnapshot.of(seconds("SPY", from, 60, 470, 100), List.of(), List.of(), List.of(), 60,
                new long[] {from, from + 60_000}));
        double[] heights = FxRead.on(robot, () -> new double[] {chart.priceChart().getHeight(),
                ((javafx.scene.layout.Region) chart.priceChart().getParent().getParent()).getHeight()});
        assertEquals(0.7, heights[0] / heights[1], 0.03, "price pane " + heights[0] + " of " + heights[1]);
    }

    /** Defect 5: every line stands out from its theme's background (WCAG 3:1 for graphics), in both themes. */
    @Test
    void everyLineIsReadableOnBothThemes(FxRobot robot) throws Exception {
        AppConfig config = AppConfig.load(TempFolders.create("chart-theme").resolve("t.properties"));
        for (String theme : Themes.NAMES) {
            robot.interact(() -> Themes.apply(config, theme));
            Themes.Palette palette = "dark".equals(theme) ? Themes.DARK_PALETTE : Themes.LIGHT_PALETTE;
            robot.interact(() -> chart.showCandles(false)); // the close line is drawn
            assertEquals(palette.close(), FxRead.on(robot, () -> colour("close")), theme);
            assertEquals(palette.volumeAverage(), FxRead.on(robot, () -> colour("volume average")), theme);
            for (String colour : palette.lines()) {
                double ratio = contrast(colour, palette.background());
                assertTrue(ratio >= 3, theme + ": " + colour + " on " + palette.background() + " is " + ratio + ":1");
            }
            // #27 defect 10: the price pane's lines are told apart (MA 50 had VWAP's colour)
            List<String> priceLines = List.of(palette.close(), palette.vwap(), palette.fastMean(), palette.slowMean());
            for (String a : priceLines) {
                for (String b : priceLines) {
                    assertTrue(a.equals(b) || distance(a, b) >= 100, theme + ": " + a + " and " + b + " look alike");
                }
            }
        }
        robot.interact(() -> {
            Themes.apply(config, "dark");
            chart.showCandles(true);
        });
    }

    /** The colour a line of this data set is drawn in. */
    private String colour(String dataSet) {
        String style = ChartProbe.dataSet(chart, dataSet).getStyle();
        return style.substring(style.indexOf('#'), style.indexOf('#') + 7);
    }

    /** Defects 7 and 9: extended hours are shaded, and the close line is not drawn across a recording gap. */
    @Test
    void extendedHoursAreShadedAndTheLineBreaksAtARecordingGap(FxRobot robot) {
        long from = TestBars.at(9, 0, 0);
        List<Bar> day = new ArrayList<>(seconds("SPY", from, 3_600, 470, 100)); // 09:00 to 10:00
        day.addAll(seconds("SPY", TestBars.at(10, 30, 0), 600, 480, 100)); // recorded again from 10:30
        Coverage.Gap gap = new Coverage.Gap(TestBars.at(10, 0, 0), TestBars.at(10, 30, 0));
        ChartSnapshot snapshot = ChartSnapshot.of(day, List.of(), List.of(gap), List.of(), 60, null);
        int nan = 0;
        for (int i = 0; i < snapshot.line().length; i++) {
            if (Double.isNaN(snapshot.line()[i])) {
                nan++;
                assertEquals(gap.start() / 1000.0, snapshot.lineX()[i]);
            }
        }
        assertEquals(1, nan, "one break in the close line, inside the gap");
        show(robot, snapshot);
        List<String> bands = FxRead.on(robot, () -> ChartProbe.bands(chart).stream()
                .filter(b -> b.kind == Band.Kind.EXTENDED_HOURS).map(Band::getText).filter(t -> !t.isEmpty()).toList());
        assertEquals(List.of("pre-market", "after hours"), bands);
    }

    /** Deliverable 1: previous close, day open, high and low of the day are drawn as labelled lines. */
    @Test
    void theDaysLevelsAreDrawn(FxRobot robot) {
        long from = TestBars.at(9, 29, 0);
        List<Bar> day = seconds("SPY", from, 600, 470, 100);
        ChartSnapshot snapshot = ChartSnapshot.build(new ChartSnapshot.Request("SPY", day, Long.MIN_VALUE,
                Long.MAX_VALUE, 5, List.of(), List.of(), List.of(), 60, 468.5, null));
        show(robot, snapshot);
        // the first regular-session second (09:30:00) is the 61st: its open is 470 + (60 % 7) * 0.01
        assertEquals(List.of("prev close 468.50", "open 470.04", "high 470.08", "low 469.98"),
                FxRead.on(robot, () -> ChartProbe.levelLabels(chart)));
    }

    /**
     * A drag pressed on an alert line moves the line and never the chart, also when one of its drag events picks
     * the plot: the line's label follows the cursor only at the next layout (CI once saw following live stop).
     */
    @Test
    void aDragPressedOnAnAlertLineNeverMovesTheChart(FxRobot robot) {
        List<Bar> day = seconds("SPY", TestBars.at(9, 29, 0), 600, 470, 100);
        show(robot, ChartSnapshot.build(new ChartSnapshot.Request("SPY", day, Long.MIN_VALUE, Long.MAX_VALUE, 5,
                List.of(), List.of(), List.of(), 60, 468.5, null)));
        robot.interact(() -> chart.marks().alertLines(List.of(470.05), (was, now) -> { }));
        Await.until(WAIT, "the alert line drawn", () -> FxRead.on(robot, () -> ChartProbe.alertLabels(chart))
                .equals(List.of("alert 470.05")));
        int[] moves = {0};
        robot.interact(() -> {
            chart.setOnUserMove(() -> moves[0]++);
            javafx.scene.Node label = chart.priceChart().getPlugins().stream().filter(Level.class::isInstance)
                    .map(Level.class::cast).filter(Level::isEditable).findFirst().orElseThrow().label();
            javafx.scene.Node plot = chart.priceChart().getPlotArea();
            fire(label, MouseEvent.MOUSE_PRESSED);
            fire(plot, MouseEvent.MOUSE_DRAGGED);
            fire(plot, MouseEvent.MOUSE_RELEASED);
        });
        assertEquals(0, moves[0], "a drag pressed on the line moved the chart");
        robot.interact(() -> {
            javafx.scene.Node plot = chart.priceChart().getPlotArea();
            fire(plot, MouseEvent.MOUSE_PRESSED);
            fire(plot, MouseEvent.MOUSE_DRAGGED);
            fire(plot, MouseEvent.MOUSE_RELEASED);
        });
        assertEquals(1, moves[0], "a drag pressed on the plot moves the chart");
    }

    /** A primary-button mouse event on {@code target}, picked there. */
    private static void fire(javafx.scene.Node target, javafx.event.EventType<MouseEvent> type) {
        javafx.event.Event.fireEvent(target, new MouseEvent(type, 5, 5, 5, 5, MouseButton.PRIMARY, 1, false, false,
                false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false,
                new PickResult(target, 5, 5)));
    }

    /** #27 defect 4: a candle spans its time: drawn from its start to its end, read as the candle the pointer is in. */
    @Test
    void aCandleSpansItsTimeAndThePointerReadsTheCandleItIsIn(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        ChartSnapshot snapshot = ChartSnapshot.build(new ChartSnapshot.Request("SPY", seconds("SPY", from, 300, 470, 100),
                Long.MIN_VALUE, Long.MAX_VALUE, 60, List.of(), List.of(), List.of(), 60, Double.NaN,
                new long[] {from, from + 300_000}));
        assertEquals(from / 1000.0 + 30, snapshot.ohlc()[0][0], "the 10:00 candle is centred on 10:00:30");
        assertEquals(from / 1000.0 + 30, snapshot.x()[0], "its volume bar too");
        show(robot, snapshot);
        robot.moveTo(FxRead.on(robot, () -> ChartProbe.screenAt(chart, from / 1000.0 + 105))); // 10:01:45
        Await.until(WAIT, "the readout of the candle under the pointer", () -> readout(robot)
                .startsWith("SPY 10:01:00 1 min"), () -> readout(robot));
    }

    /** #27 defect 8: the view moves under a still pointer: the readout and the crosshair read what is there now. */
    @Test
    void theReadoutFollowsAViewChangeUnderAStillPointer(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        show(robot, ChartSnapshot.build(new ChartSnapshot.Request("SPY", seconds("SPY", from, 1_800, 470, 100),
                Long.MIN_VALUE, Long.MAX_VALUE, 60, List.of(), List.of(), List.of(), 60, Double.NaN,
                new long[] {from, from + 600_000})));
        robot.moveTo(FxRead.on(robot, () -> ChartProbe.screenAt(chart, from / 1000.0 + 300))); // 10:05:00, the middle
        Await.until(WAIT, "the readout of 10:05", () -> readout(robot).startsWith("SPY 10:05:00"));
        robot.interact(() -> chart.range(from + 1_200_000, from + 1_800_000)); // 10:20 to 10:30, the pointer still
        Await.until(WAIT, "the readout of 10:25", () -> readout(robot).startsWith("SPY 10:25:00"),
                () -> readout(robot));
        Await.until(WAIT, "the crosshair at 10:25", () -> FxRead.on(robot, () -> robot.lookup(".chart-crosshair-label")
                .queryAll().stream().map(n -> ((Text) n).getText()).anyMatch(t -> t.contains("10:25:")
                        && !t.contains("NaN"))));
    }

    /** #27 defect 10: the moving averages start at the window's left edge, from the candles before it, and are read out. */
    @Test
    void theMovingAveragesStartAtTheLeftEdgeAndAreReadOut(FxRobot robot) {
        long from = TestBars.at(9, 30, 0);
        List<Bar> day = seconds("SPY", from, 7_200, 470, 100); // 09:30 to 11:30, one candle a minute
        long windowFrom = TestBars.at(11, 0, 0);
        ChartSnapshot snapshot = ChartSnapshot.build(new ChartSnapshot.Request("SPY", day, windowFrom, Long.MAX_VALUE, 60,
                List.of(), List.of(), List.of(), 60, Double.NaN, null));
        List<Bar> minutes = dev.tapewatch.market.Candles.resample(day, 60);
        int first = 90; // 11:00 is the 91st minute
        double slow = minutes.subList(first - 49, first + 1).stream().mapToDouble(Bar::close).average().orElseThrow();
        assertEquals(slow, snapshot.slowMean()[0], 1e-9, "MA 50 at 11:00, from the 49 minutes before");
        robot.moveTo((javafx.scene.Node) robot.lookup("#readout").query()); // not over the plot: the readout names the newest candle
        robot.interact(() -> chart.showOverlays(true, true));
        show(robot, snapshot);
        assertTrue(readout(robot).endsWith("MA20 " + ChartFormat.price(snapshot.fastMean()[29])
                + "  MA50 " + ChartFormat.price(snapshot.slowMean()[29])), readout(robot));
    }

    /** #27 defect 11: the price/volume divider stays where it was put across resizes, and only a drag saves it. */
    @Test
    void thePriceShareStaysAcrossResizes(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        show(robot, ChartSnapshot.of(seconds("SPY", from, 60, 470, 100), List.of(), List.of(), List.of(), 60,
                new long[] {from, from + 60_000}));
        List<Double> chosen = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            chart.priceShare(0.711);
            chart.setOnPriceShareChosen(chosen::add);
        });
        for (double height : new double[] {160, 900, 220, 700}) {
            robot.interact(() -> stage.setHeight(height));
            Await.until(WAIT, "the chart " + height + " high", () -> Math.abs(FxRead.on(robot,
                    () -> stage.getScene().getHeight()) - height) < 60);
        }
        Await.until(WAIT, "the share back at 0.711", () -> Math.abs(FxRead.on(robot, chart::priceShare) - 0.711) < 0.005,
                () -> "share " + FxRead.on(robot, chart::priceShare));
        assertEquals(List.of(), chosen, "a resize chose nothing");
    }

    /**
     * #27: the crosshair is plainly visible on both themes: where it crosses the bare plot, its line stands out from
     * the background beside it as text must (WCAG 4.5:1; a 1 px line smeared over two pixels at half strength did not).
     */
    @Test
    void theCrosshairStandsOutOnBothThemes(FxRobot robot) throws Exception {
        long from = TestBars.at(10, 0, 0);
        // a minute of bars in a two-minute view: the pointer rests over the bare second half
        show(robot, ChartSnapshot.of(seconds("SPY", from, 60, 470, 100), List.of(), List.of(), List.of(), 60,
                new long[] {from, from + 120_000}));
        AppConfig config = AppConfig.load(TempFolders.create("crosshair").resolve("t.properties"));
        for (String theme : Themes.NAMES) {
            robot.interact(() -> Themes.apply(config, theme));
            Bounds plot = FxRead.on(robot, () -> plotInScene());
            Point2D pointer = new Point2D(FxRead.on(robot, () -> ChartProbe.sceneX(chart, "priceTimeAxis",
                    from / 1000.0 + 90)), plot.getMinY() + plot.getHeight() * 0.2); // above the day's levels
            robot.moveTo(FxRead.on(robot, () -> new Point2D(stage.getX() + stage.getScene().getX() + pointer.getX(),
                    stage.getY() + stage.getScene().getY() + pointer.getY())));
            Await.until(WAIT, "the crosshair on " + theme, () -> FxRead.on(robot,
                    () -> !chart.lookupAll(".chart-crosshair-path").isEmpty()));
            PixelReader pixels = FxRead.on(robot, () -> stage.getScene().snapshot(null)).getPixelReader();
            int x = (int) pointer.getX();
            int y = (int) pointer.getY();
            double vertical = 0; // against the background 12 px to its left, above the pointer
            for (int column = x - 3; column <= x + 3; column++) {
                for (int row = (int) plot.getMinY() + 2; row < y - 8; row++) {
                    vertical = Math.max(vertical, contrast(pixels.getColor(column, row), pixels.getColor(x - 12, row)));
                }
            }
            double horizontal = 0; // against the background 12 px above it, left of the pointer over no candle
            for (int row = y - 3; row <= y + 3; row++) {
                for (int column = (int) (plot.getMinX() + plot.getWidth() * 0.55); column < x - 8; column++) {
                    horizontal = Math.max(horizontal, contrast(pixels.getColor(column, row),
                            pixels.getColor(column, y - 12)));
                }
            }
            assertTrue(vertical >= 4.5, theme + ": the vertical line stands out " + vertical + ":1");
            assertTrue(horizontal >= 4.5, theme + ": the horizontal line stands out " + horizontal + ":1");
        }
        robot.interact(() -> Themes.apply(config, "dark"));
    }

    private Bounds plotInScene() {
        javafx.scene.Node plot = chart.priceChart().getPlotArea();
        return plot.localToScene(plot.getLayoutBounds());
    }

    /**
     * #27: labels never lie over each other: spike labels close in time and the day's low by the same corner, and
     * two levels at one price, are all shown, each clear of the others.
     */
    @Test
    void labelsAreLaidOutApart(FxRobot robot) {
        long from = TestBars.at(10, 0, 0);
        List<Bar> day = seconds("SPY", from, 120, 470, 100);
        day.set(10, Bar.of("SPY", from + 10_000, from + 11_000, 470, 470.02, 460, 470, 100, 470)); // the low near the bottom
        List<Spike> spikes = new ArrayList<>();
        for (int second : new int[] {104, 108, 112}) { // a label's width apart is some 8 s here
            spikes.add(new Spike("SPY", from + second * 1000L, from + (second + 2) * 1000L, from + second * 1000L,
                    Spike.Kind.VOLUME, 9, 12.2));
        }
        show(robot, ChartSnapshot.build(new ChartSnapshot.Request("SPY", day, Long.MIN_VALUE, Long.MAX_VALUE, 1, spikes,
                List.of(), List.of(), 60, 470.001, new long[] {from, from + 120_000}))); // prev close on the open
        List<String> expected = List.of("burst 12x", "burst 12x", "burst 12x", "high 470.08", "low 460.00",
                "open 470.00", "prev close 470.00");
        Await.until(WAIT, "every label shown", () -> FxRead.on(robot, () -> shownLabels().stream()
                .map(Label::getText).sorted().toList()).equals(expected), () -> FxRead.on(robot,
                () -> shownLabels().stream().map(Label::getText).toList()).toString());
        List<Bounds> placed = FxRead.on(robot, () -> shownLabels().stream()
                .map(label -> label.localToScene(label.getLayoutBounds())).toList());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertTrue(!placed.get(i).intersects(placed.get(j)), "labels " + i + " and " + j + " overlap: "
                        + placed.get(i) + " " + placed.get(j));
            }
        }
    }

    /** The band and level labels on the price pane now. */
    private List<Label> shownLabels() {
        XYChart pane = ChartProbe.pricePane(chart);
        return java.util.stream.Stream.of(".range-indicator-label", ".value-indicator-label")
                .flatMap(style -> pane.lookupAll(style).stream()).filter(javafx.scene.Node::isVisible)
                .map(Label.class::cast).toList();
    }

    private static double contrast(String a, String b) {
        return contrast(Color.web(a), Color.web(b));
    }

    /** WCAG's contrast ratio of two colours, 1 to 21. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double distance(String a, String b) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            int d = Integer.parseInt(a.substring(1 + 2 * i, 3 + 2 * i), 16) - Integer.parseInt(b.substring(1 + 2 * i, 3 + 2 * i), 16);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double luminance(Color colour) {
        double[] rgb = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
