package dev.tapewatch.ui.study;

import dev.tapewatch.study.AveragePath;
import dev.tapewatch.study.SpikePath;
import dev.tapewatch.ui.common.InputProblem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What follows a spike, as pictures: per kind, the median path of price normalised to the move from 1 min before
 * the spike's end to 15 min after, with its middle half as a band; below, the spikes, a click charting that one's
 * own path over its kind's. Binds to {@link StudyViewModel} only.
 */
public final class StudyView extends BorderPane {
    /** Every 5th second is drawn: 193 points a line is plenty for 16 minutes. */
    private static final int STEP = 5;

    private final StudyViewModel model;
    private final HBox charts = new HBox(8);
    private final TableView<SpikePath> table = new TableView<>();

    public StudyView(StudyViewModel model) {
        this.model = model;
        setId("studyView");
        getStylesheets().add(dev.tapewatch.ui.common.Themes.stylesheet());
        setPadding(new Insets(8));
        DatePicker from = new DatePicker();
        from.setId("studyFrom");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("studyTo");
        to.valueProperty().bindBidirectional(model.toProperty());
        Spinner<Double> minScore = new Spinner<>(0.0, 1000.0, model.minScoreProperty().get(), 1.0);
        minScore.setEditable(true);
        minScore.setPrefWidth(90);
        minScore.valueProperty().addListener((obs, old, value) -> model.minScoreProperty().set(value));
        Button study = new Button("Study");
        study.setId("studyButton");
        study.setDefaultButton(true);
        study.disableProperty().bind(model.runningProperty());
        study.setOnAction(event -> model.run());
        Label status = new Label();
        status.setId("studyStatus");
        status.textProperty().bind(model.statusProperty());
        Label problem = InputProblem.label("studyProblem", model.problemProperty());
        problem.setMinWidth(0);
        HBox controls = new HBox(6, fixed(new Label("From")), from, fixed(new Label("to")), to,
                fixed(new Label("min score")), fixed(minScore), fixed(study), problem, status);
        status.setMinWidth(0); // the status gives way, never the controls
        status.visibleProperty().bind(problem.visibleProperty().not());
        status.managedProperty().bind(status.visibleProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(0, 0, 8, 0));
        setTop(controls);

        table.setId("studyTable");
        table.getColumns().addAll(List.of(column("symbol", path -> path.spike().symbol()),
                column("start (ET)", StudyViewModel::time), column("kind", SpikePath::kind),
                column("score", path -> String.format("%.1f", path.spike().peakScore())),
                column("move %", path -> percent(path.movePct())),
                column("1 min %", path -> percent(path.returnPct("1m"))),
                column("5 min %", path -> percent(path.returnPct("5m"))),
                column("15 min %", path -> percent(path.returnPct("15m"))),
                column("at 5 min", path -> path.outcome().name().toLowerCase(java.util.Locale.ROOT))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, path) -> model.show(path));
        HBox.setHgrow(charts, Priority.ALWAYS);
        SplitPane split = new SplitPane(charts, table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);

        model.snapshotProperty().addListener((obs, old, snapshot) -> {
            table.setItems(FXCollections.observableArrayList(snapshot.spikes()));
            drawCharts(snapshot.averages(), null);
        });
        model.shownProperty().addListener((obs, old, path) -> drawCharts(model.snapshotProperty().get().averages(), path));
    }

    /** Opens the view in a window of its own over {@code owner}. */
    public static Stage open(Window owner, StudyViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Tapewatch: what follows a spike");
        Scene scene = new Scene(new StudyView(model), 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private void drawCharts(List<AveragePath> averages, SpikePath shown) {
        charts.getChildren().clear();
        for (AveragePath average : averages) {
            NumberAxis x = new NumberAxis(-SpikePath.PATH_BEFORE, SpikePath.PATH_AFTER, 60);
            x.setLabel("seconds after the spike's end");
            NumberAxis y = new NumberAxis();
            y.setLabel("price move ÷ the spike's move");
            LineChart<Number, Number> chart = new BandChart(x, y);
            chart.setId("studyChart-" + average.kind());
            chart.setTitle(average.kind() + " (" + average.spikes() + " spikes)");
            chart.setCreateSymbols(false);
            chart.setAnimated(false);
            chart.getData().add(series("upper quartile", average.upperQuartile())); // the band's bounds first
            chart.getData().add(series("lower quartile", average.lowerQuartile()));
            chart.getData().add(series("median", average.median()));
            if (shown != null && shown.kind().equals(average.kind())) {
                chart.getData().add(series(shown.spike().symbol() + " " + StudyViewModel.time(shown),
                        shown.normalisedPath()));
            }
            // the middle half a shaded band with faint edges, the median bold in its colour, the clicked spike apart
            for (int i = 0; i < chart.getData().size(); i++) {
                String style = i == 2 ? "-fx-stroke: #2a6fdb; -fx-stroke-width: 2.5;"
                        : i == 3 ? "-fx-stroke: #e8590c; -fx-stroke-width: 1.5;"
                        : "-fx-stroke: #2a6fdb; -fx-stroke-width: 0.5; -fx-opacity: 0.5;";
                chart.getData().get(i).getNode().setStyle(style);
            }
            chart.setLegendVisible(false);
            HBox.setHgrow(chart, Priority.ALWAYS);
            charts.getChildren().add(chart);
        }
        if (averages.isEmpty()) {
            charts.getChildren().add(new Label("No spike that moved the price in these days."));
        }
    }

    private static XYChart.Series<Number, Number> series(String name, double[] values) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int i = 0; i < values.length; i += STEP) {
            if (!Double.isNaN(values[i])) {
                series.getData().add(new XYChart.Data<>(AveragePath.secondsAt(i), values[i]));
            }
        }
        return series;
    }

    private static TableColumn<SpikePath, String> column(String title, Function<SpikePath, String> value) {
        TableColumn<SpikePath, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "" : String.format("%+.3f", value);
    }

    private static <T extends javafx.scene.control.Control> T fixed(T control) {
        control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return control;
    }

    TableView<SpikePath> table() {
        return table;
    }
}
