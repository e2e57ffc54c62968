package dev.tapewatch.ui.watchlist;

import dev.tapewatch.ui.common.ChartFormat;
import dev.tapewatch.ui.common.ColumnWidths;
import dev.tapewatch.ui.common.InputProblem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The watchlist pane: a search field with suggestions, the quote table, and Remove. Binds only. */
public final class WatchlistPane extends VBox {
    private final WatchlistViewModel model;
    private final TextField search = new TextField();
    /** Why the typed ticker was not added, in words under the field; gone once the text changes. */
    private final javafx.beans.property.StringProperty problem = new javafx.beans.property.SimpleStringProperty("");
    private final ListView<String> suggestions = new ListView<>();
    private final TableView<QuoteRow> table = new TableView<>();

    public WatchlistPane(WatchlistViewModel model) {
        super(6);
        this.model = model;
        searchField();
        quoteTable();
        Button remove = new Button("Remove");
        remove.setId("removeButton");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> model.removeSymbol(table.getSelectionModel().getSelectedItem().symbol()));
        getChildren().addAll(search, InputProblem.label("searchProblem", problem), suggestions, table, remove);
        VBox.setVgrow(table, Priority.ALWAYS);
        setPadding(new Insets(6));
        model.selectedProperty().addListener((o, was, now) -> selectRow(now));
    }

    public void focusSearch() {
        search.requestFocus();
    }

    /** The quote table takes the keys (arrows pick a symbol, Delete removes it), a row selected. */
    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private void searchField() {
        search.setId("search");
        search.setPromptText("Add symbol (Ctrl+F)");
        suggestions.setId("suggestions");
        suggestions.setPrefHeight(160);
        suggestions.setVisible(false);
        suggestions.setManaged(false);
        suggestions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String symbol, boolean empty) {
                super.updateItem(symbol, empty);
                setText(empty || symbol == null ? null : symbol + "  " + model.companyName(symbol));
            }
        });
        search.textProperty().addListener((o, was, now) -> {
            showProblem(null);
            List<String> found = model.suggestions(now);
            suggestions.getItems().setAll(found);
            suggestions.setVisible(!found.isEmpty());
            suggestions.setManaged(!found.isEmpty());
        });
        search.setOnAction(event -> add(suggestions.getItems().isEmpty() ? search.getText()
                : suggestions.getItems().get(0)));
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !suggestions.getItems().isEmpty()) {
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
            }
        });
        suggestions.setOnMouseClicked(event -> add(suggestions.getSelectionModel().getSelectedItem()));
        suggestions.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                add(suggestions.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void quoteTable() {
        table.setId("watchlist");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<QuoteRow, String> symbol = new TableColumn<>("Symbol");
        symbol.setCellValueFactory(row -> Bindings.createStringBinding(() -> row.getValue().symbol()
                + (row.getValue().recentSpikeProperty().get() ? "  ⚡" : ""), row.getValue().recentSpikeProperty()));
        TableColumn<QuoteRow, Number> last = numberColumn("Last", QuoteRow::lastProperty, ChartFormat::price);
        TableColumn<QuoteRow, Number> change = numberColumn("Chg %", QuoteRow::changePercentProperty,
                value -> String.format(Locale.ROOT, "%+.2f", value));
        TableColumn<QuoteRow, Number> volume = numberColumn("Volume", QuoteRow::volumeProperty,
                ChartFormat::compactShares);
        double columns = ColumnWidths.fit(symbol, "BRK.B  ⚡") + ColumnWidths.fit(last, "1234.56")
                + ColumnWidths.fit(change, "+12.34") + ColumnWidths.fit(volume, "128.5M");
        setMinWidth(columns + ColumnWidths.CHROME);
        setPrefWidth(columns + ColumnWidths.CHROME);
        table.getColumns().setAll(List.of(symbol, last, change, volume));
        rememberSort();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.select(now.symbol());
            }
        });
        table.setOnKeyPressed(event -> {
            QuoteRow selected = table.getSelectionModel().getSelectedItem();
            if ((event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) && selected != null) {
                model.removeSymbol(selected.symbol());
            }
        });
    }

    /** The column sorted by, and which way, is kept across restarts. */
    private void rememberSort() {
        String[] sort = model.sort().split(":");
        table.getColumns().stream().filter(column -> sort.length == 2 && column.getText().equals(sort[0])).findFirst()
                .ifPresent(column -> {
                    column.setSortType("DESCENDING".equals(sort[1]) ? TableColumn.SortType.DESCENDING
                            : TableColumn.SortType.ASCENDING);
                    table.getSortOrder().setAll(List.of(column));
                });
        Runnable save = () -> model.rememberSort(table.getSortOrder().isEmpty() ? ""
                : table.getSortOrder().get(0).getText() + ":" + table.getSortOrder().get(0).getSortType());
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<QuoteRow, ?>>) c -> save.run());
        table.getColumns().forEach(column -> column.sortTypeProperty().addListener((o, was, now) -> save.run()));
    }

    private void selectRow(String symbol) {
        for (QuoteRow row : table.getItems()) {
            if (row.symbol().equals(symbol) && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        }
    }

    private void add(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Optional<String> refused = model.addSymbol(text);
        if (refused.isPresent()) {
            showProblem(refused.get());
        } else {
            search.clear();
        }
    }

    private void showProblem(String text) {
        problem.set(text == null ? "" : text);
        search.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), text != null);
        search.setTooltip(text == null ? null : new Tooltip(text));
    }

    private static TableColumn<QuoteRow, Number> numberColumn(String title,
            Function<QuoteRow, javafx.beans.value.ObservableValue<Number>> value, Function<Double, String> format) {
        TableColumn<QuoteRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> value.apply(row.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number number, boolean empty) {
                super.updateItem(number, empty);
                boolean blank = empty || number == null || Double.isNaN(number.doubleValue());
                setText(blank ? null : format.apply(number.doubleValue()));
                setAlignment(Pos.CENTER_RIGHT);
                setStyle(blank || !title.startsWith("Chg") ? null : number.doubleValue() >= 0
                        ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
                QuoteRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null || !title.startsWith("Chg") ? null : new Tooltip(Double.isNaN(
                        row.previousCloseProperty().get()) ? "No previous close known yet"
                        : "From the previous close, " + ChartFormat.price(row.previousCloseProperty().get())));
            }
        });
        return column;
    }
}
