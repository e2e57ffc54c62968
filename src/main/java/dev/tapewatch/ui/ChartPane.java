package dev.tapewatch.ui;

import dev.tapewatch.ui.alerts.AlertsViewModel;
import dev.tapewatch.ui.chart.ChartControls;
import dev.tapewatch.ui.chart.ChartLayout;
import dev.tapewatch.ui.chart.ChartSnapshot;
import dev.tapewatch.ui.chart.ChartViewModel;
import dev.tapewatch.ui.chart.PriceVolumeChart;
import dev.tapewatch.ui.watchlist.QuoteRow;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One chart of the layout: its symbol (the watchlist's selection for the first, a choice of its own for the
 * others), its controls, the chart with its alert lines, and, for the first, the empty-day message. Binds only.
 */
final class ChartPane extends VBox {
    private final PriceVolumeChart chart = new PriceVolumeChart();
    private final ChartControls controls;
    private final ChartViewModel model;
    private final StackPane area;
    /** The symbol and its relative volume ("SPY · RVol 1.8×"); a chart with a symbol choice shows the rest. */
    private final Label headline = new Label();
    private final Runnable headlineOf;
    /** "Loading SPY 04:00–now…" with a spinner over the middle of the chart while its live day so far comes in. */
    private final Label loading = new Label();

    ChartPane(MainViewModel main, int index) {
        model = main.chart(index);
        ChartLayout layout = main.layout();
        ReadOnlyStringProperty symbol = index == 0 ? main.watchlist().selectedProperty()
                : layout.symbol(index);
        controls = new ChartControls(model, chart, layout, index);
        headline.getStyleClass().add("chart-headline");
        headline.setMinWidth(Region.USE_PREF_SIZE);
        headline.setId("headline" + index);
        headlineOf = () -> headline.setText(index == 0 ? main.watchlist().headline(symbol.get())
                : main.watchlist().headline(symbol.get()).replaceFirst("^[^ ]+( · )?", ""));
        symbol.addListener((o, was, now) -> headlineOf.run());
        HBox header = index == 0 ? new HBox(6, headline, controls)
                : new HBox(6, symbolChoice(main, layout, index), headline, controls);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(controls, Priority.ALWAYS);
        getStyleClass().add("chart-pane");
        // a grid cell's share of the width, never more: the chart's parts give way inside it
        setMinWidth(0);
        chart.setMinWidth(0);
        chart.setId(index == 0 ? "chart" : "chart" + index);
        chart.setOnViewport(() -> model.viewport(chart.secondsPerPixel(), chart.plotWidth()));
        chart.priceShare(layout.share(index, PriceVolumeChart.DEFAULT_PRICE_SHARE));
        chart.setOnPriceShareChosen(share -> layout.remember(index, "priceShare",
                String.format(java.util.Locale.ROOT, "%.3f", share)));
        loading.setId("loading" + index);
        loading.getStyleClass().add("chart-loading");
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setPrefSize(14, 14);
        loading.setGraphic(spinner);
        loading.setMouseTransparent(true);
        loading.setMinWidth(Region.USE_PREF_SIZE);
        loading.setVisible(false);
        area = new StackPane(chart, loading);
        getChildren().addAll(header, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        installAlertLines(main, symbol);
        model.attach(new ChartViewModel.Sink() {
            @Override
            public void show(ChartSnapshot snapshot) {
                chart.show(snapshot);
            }

            @Override
            public void follow(long from, long to) {
                chart.range(from, to);
            }
        });
    }

    /** The pulse: the headline's relative volume moves with the day, and the day's loading shows until it is in. */
    void refresh() {
        headlineOf.run();
        String coming = model.loading();
        loading.setText(coming);
        loading.setVisible(coming != null);
    }

    private static ComboBox<String> symbolChoice(MainViewModel main, ChartLayout layout, int index) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("chartSymbol" + index);
        choice.setPrefWidth(96);
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.setOnShowing(event -> choice.getItems().setAll(main.watchlist().rows().stream().map(QuoteRow::symbol)
                .toList()));
        choice.valueProperty().bindBidirectional(layout.symbol(index));
        return choice;
    }

    /** The shown symbol's price alert lines; Alt+click on the price pane adds one there. */
    private void installAlertLines(MainViewModel main, ReadOnlyStringProperty symbol) {
        AlertsViewModel alerts = main.alerts();
        Runnable show = () -> {
            String shown = symbol.get();
            chart.marks().alertLines(shown == null ? List.of() : alerts.linesOn(shown, main.shownDay()),
                    (from, to) -> alerts.moveLevel(shown, from, to));
        };
        alerts.levels().addListener((MapChangeListener<String, List<Double>>) change -> show.run());
        main.history().dayProperty().addListener((o, was, now) -> show.run()); // a line belongs to its day
        main.history().modeProperty().addListener((o, was, now) -> show.run());
        main.sessionProperty().addListener((o, was, now) -> show.run());
        symbol.addListener((o, was, now) -> show.run());
        chart.priceChart().getPlotArea().addEventFilter(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.isAltDown() && symbol.get() != null) {
                alerts.addLevel(symbol.get(), chart.priceAt(event.getSceneY()), main.shownDay());
                event.consume();
            }
        });
        show.run();
    }

    /** Puts a node over the chart (a message, the alert toast). */
    void overlay(Node node) {
        area.getChildren().add(node);
    }

    /** The user zoomed or panned this chart: it stops following, and {@code linked} gets its new range. */
    void onUserMove(Runnable linked) {
        chart.setOnUserMove(() -> Platform.runLater(() -> {
            controls.stopFollowing();
            linked.run();
        }));
    }

    /** Shows this time range without following (another chart of the layout was moved there). */
    void linkTo(long from, long to) {
        controls.stopFollowing();
        chart.range(from, to);
    }

    PriceVolumeChart chart() {
        return chart;
    }

    ChartControls controls() {
        return controls;
    }

    ChartViewModel model() {
        return model;
    }
}
