package dev.tapewatch.ui;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
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

/** The spike list: time, symbol, kind, score and × average; picking one hands it to {@code onPick}. */
final class SpikeListPane extends VBox {
    static final double PANE_WIDTH = 330;

    SpikeListPane(SpikesViewModel model, Consumer<Spike> onPick) {
        super(6);
        TableView<Spike> table = new TableView<>(model.spikes());
        table.setId("spikeTable");
        table.setPlaceholder(new Label("No spikes yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Spike, String> time = column("Time", s -> ChartFormat.CLOCK.format(ExchangeTime.localDateTime(s.start())));
        TableColumn<Spike, String> symbol = column("Symbol", Spike::symbol);
        TableColumn<Spike, String> kind = column("Kind", s -> s.kind().name().toLowerCase(Locale.ROOT));
        TableColumn<Spike, String> score = column("Score", s -> String.format(Locale.ROOT, "%.1f", s.peakScore()));
        TableColumn<Spike, String> multiple = column("× avg", s -> String.format(Locale.ROOT, "%.1f×",
                s.volumeMultiple()));
        time.setMinWidth(74);
        symbol.setMinWidth(62);
        kind.setMinWidth(62);
        score.setMinWidth(50);
        multiple.setMinWidth(58);
        table.getColumns().setAll(List.of(time, symbol, kind, score, multiple));
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
        setMinWidth(PANE_WIDTH - 40);
        setPrefWidth(PANE_WIDTH);
    }

    private static TableColumn<Spike, String> column(String title, Function<Spike, String> text) {
        TableColumn<Spike, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleStringProperty(text.apply(row.getValue())));
        return column;
    }
}
