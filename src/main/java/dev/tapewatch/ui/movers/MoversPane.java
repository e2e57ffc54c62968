package dev.tapewatch.ui.movers;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.movers.Mover;
import dev.tapewatch.movers.MoverFilter;
import dev.tapewatch.movers.MoverLog;
import dev.tapewatch.ui.common.InputProblem;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Movers pane: every symbol moving now, best first (each column sorts), the filters a trader keeps, and the
 * entered / left log; picking a row hands the mover to {@code onPick} (the window charts it at the move).
 */
public final class MoversPane extends VBox {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");
    /** The header and three movers: what the table keeps however short the window (the pane scrolls then). */
    private static final double TABLE_MIN_HEIGHT = 160;
    /** Three lines of the entered / left log. */
    private static final double LOG_MIN_HEIGHT = 120;

    public MoversPane(MoversViewModel model, Consumer<Mover> onPick) {
        super(6);
        setId("moversPane");
        TableView<Mover> table = new TableView<>();
        table.setId("moversTable");
        SortedList<Mover> sorted = new SortedList<>(model.movers());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No movers now"));
        table.getColumns().setAll(List.of(
                text("Symbol", Mover::symbol),
                text("Kind", Mover::kind),
                number("Score", Mover::score, "%.1f"),
                number("10 s %", Mover::change10sPct, "%+.2f"),
                number("1 min %", Mover::change1mPct, "%+.2f"),
                number("5 min %", Mover::change5mPct, "%+.2f"),
                number("Prev close %", Mover::changeSincePreviousClosePct, "%+.2f"),
                number("Rel vol", Mover::relativeVolume, "%.1fx"),
                number("Last", Mover::price, "%.2f"),
                number("Volume", Mover::volumeToday, "%,.0f"),
                text("Entered", m -> CLOCK.format(ExchangeTime.localDateTime(m.enteredMarketMs())))));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                onPick.accept(now);
            }
        });
        ListView<MoverLog> log = new ListView<>(model.log());
        log.setId("moversLog");
        log.setPrefHeight(120);
        log.setMinHeight(LOG_MIN_HEIGHT);
        log.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MoverLog line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : String.format(Locale.ROOT, "%s  %-6s %s %s (%.1f)",
                        CLOCK.format(ExchangeTime.localDateTime(line.marketMs())), line.symbol(),
                        line.entered() ? "entered" : "left", line.kind(), line.score()));
            }
        });
        Label title = new Label("Movers");
        title.getStyleClass().add("title-4");
        javafx.beans.property.StringProperty refused = new javafx.beans.property.SimpleStringProperty();
        getChildren().addAll(title, filters(model, refused), InputProblem.label("moversFilterProblem", refused), table,
                new Label("Entered / left"), log);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(TABLE_MIN_HEIGHT);
        setPadding(new Insets(6));
        setPrefWidth(520);
    }

    /**
     * Price range, minimum volume today and relative volume, kinds: each edit becomes the new filter. One that does not
     * read (a half-typed number) keeps the last good filter, and {@code refused} says why until the fields read again.
     */
    private static FlowPane filters(MoversViewModel model, javafx.beans.property.StringProperty refused) {
        MoverFilter start = model.filterProperty().get();
        TextField minPrice = field("moversMinPrice", start.minPrice(), "min $");
        TextField maxPrice = field("moversMaxPrice", start.maxPrice(), "max $");
        TextField minVolume = field("moversMinVolume", start.minVolumeToday(), "min volume");
        TextField minRelative = field("moversMinRelVolume", start.minRelativeVolume(), "min rel vol");
        CheckBox burst = kind("burst", start.kinds());
        CheckBox block = kind("block", start.kinds());
        CheckBox price = kind("price", start.kinds());
        Runnable apply = () -> {
            Set<String> kinds = new TreeSet<>();
            for (CheckBox box : List.of(burst, block, price)) {
                if (box.isSelected()) {
                    kinds.add(box.getText());
                }
            }
            List<TextField> fields = List.of(minPrice, maxPrice, minVolume, minRelative);
            try {
                double low = value(minPrice, 0);
                double high = value(maxPrice, Double.POSITIVE_INFINITY);
                double volume = value(minVolume, 0);
                double relative = value(minRelative, 0);
                try {
                    model.filterProperty().set(new MoverFilter(low, high, volume, relative, 0, kinds));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(InputProblem.of("Filters", e.getMessage(), "Correct the fields"
                            + " marked red"), e);
                }
                refused.set(null);
                fields.forEach(f -> f.pseudoClassStateChanged(DANGER, false));
            } catch (IllegalArgumentException e) {
                refused.set(e.getMessage());
                fields.forEach(f -> f.pseudoClassStateChanged(DANGER, true));
            }
        };
        for (TextField field : List.of(minPrice, maxPrice, minVolume, minRelative)) {
            field.textProperty().addListener((o, was, now) -> apply.run());
        }
        for (CheckBox box : List.of(burst, block, price)) {
            box.selectedProperty().addListener((o, was, now) -> apply.run());
        }
        FlowPane pane = new FlowPane(6, 4, minPrice, maxPrice, minVolume, minRelative, burst, block, price);
        pane.setId("moversFilters");
        return pane;
    }

    private static TextField field(String id, double value, String prompt) {
        TextField field = new TextField(value == 0 || Double.isInfinite(value) ? "" : String.valueOf(value));
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(6);
        return field;
    }

    private static CheckBox kind(String name, Set<String> kinds) {
        CheckBox box = new CheckBox(name);
        box.setId("moversKind-" + name);
        box.setSelected(kinds.contains(name));
        return box;
    }

    private static double value(TextField field, double empty) {
        String text = field.getText().trim();
        try {
            return text.isEmpty() ? empty : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(InputProblem.of("Filter " + field.getPromptText(), "'" + text
                    + "' is not a number", "Type one, e.g. 5 or 2.5, or leave it empty"), e);
        }
    }

    private static TableColumn<Mover, String> text(String title, Function<Mover, String> value) {
        TableColumn<Mover, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleObjectProperty<>(value.apply(row.getValue())));
        return column;
    }

    /** A column of numbers that sorts by value (unknown figures last) and shows them formatted. */
    private static TableColumn<Mover, Double> number(String title, ToDoubleFunction<Mover> value, String format) {
        TableColumn<Mover, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleObjectProperty<>(value.applyAsDouble(row.getValue())));
        column.setComparator(Comparator.nullsLast(Comparator.comparingDouble(d -> Double.isNaN(d)
                ? Double.NEGATIVE_INFINITY : d)));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : Double.isFinite(number)
                        ? String.format(Locale.ROOT, format, number) : "–");
            }
        });
        return column;
    }
}
