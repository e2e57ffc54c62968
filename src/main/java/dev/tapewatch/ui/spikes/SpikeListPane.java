package dev.tapewatch.ui.spikes;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.ColumnWidths;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The spike list: time, symbol, what (volume multiple or price move) and score; picking one hands it to {@code onPick}. */
public final class SpikeListPane extends VBox {

    public SpikeListPane(SpikesViewModel model, Consumer<Spike> onPick) {
        super(6);
        TableView<Spike> table = new TableView<>(model.spikes());
        table.setId("spikeTable");
        Label empty = new Label();
        empty.setId("noSpikes");
        empty.textProperty().bind(model.emptyProperty());
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Spike, String> time = column("Time", s -> ChartFormat.CLOCK.format(ExchangeTime.localDateTime(
                s.start())));
        TableColumn<Spike, String> symbol = column("Symbol", Spike::symbol);
        TableColumn<Spike, String> what = column("Spike", ChartFormat::describe);
        TableColumn<Spike, String> score = column("Score", s -> String.format(Locale.ROOT, "%.1f", s.peakScore()));
        double columns = ColumnWidths.fit(time, "00:00:00") + ColumnWidths.fit(symbol, "BRK.B")
                + ColumnWidths.fit(what, "volume 888x + price") + ColumnWidths.fit(score, "888.8");
        table.getColumns().setAll(List.of(time, symbol, what, score));
        setMinWidth(columns + ColumnWidths.CHROME);
        setPrefWidth(columns + ColumnWidths.CHROME);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                onPick.accept(now);
            }
        });
        Label title = new Label("Spikes");
        title.getStyleClass().add("title-4");
        getChildren().addAll(title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setPadding(new Insets(6));
    }

    private static TableColumn<Spike, String> column(String title, Function<Spike, String> text) {
        TableColumn<Spike, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleStringProperty(text.apply(row.getValue())));
        return column;
    }
}
