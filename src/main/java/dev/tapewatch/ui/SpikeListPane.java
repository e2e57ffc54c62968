package dev.tapewatch.ui;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    SpikeListPane(SpikesViewModel model, Consumer<Spike> onPick) {
        super(6);
        TableView<Spike> table = new TableView<>(model.spikes());
        table.setId("spikeTable");
        table.setPlaceholder(new Label("No spikes yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Spike, String> time = column("Time", s -> CLOCK.format(ExchangeTime.localDateTime(s.start())));
        TableColumn<Spike, String> symbol = column("Symbol", Spike::symbol);
        time.setMinWidth(72);
        symbol.setMinWidth(60);
        table.getColumns().setAll(List.of(time, symbol,
                column("Kind", s -> s.kind().name().toLowerCase(Locale.ROOT)),
                column("Score", s -> String.format(Locale.ROOT, "%.1f", s.peakScore())),
                column("× avg", s -> String.format(Locale.ROOT, "%.1f×", s.volumeMultiple()))));
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
        setMinWidth(300);
    }

    private static TableColumn<Spike, String> column(String title, Function<Spike, String> text) {
        TableColumn<Spike, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleStringProperty(text.apply(row.getValue())));
        return column;
    }
}
