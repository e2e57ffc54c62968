package dev.tapewatch.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Table columns as wide as their widest content, measured in the theme's font, so no cell is cut. */
public final class ColumnWidths {
    /** The themes' base font size (AtlantaFX Primer: 14 px). */
    private static final double FONT_SIZE = 14;
    /** A cell's padding on both sides. */
    private static final double PADDING = 16;
    /** A header's padding and sort arrow room beyond a cell's. */
    private static final double HEADER_PADDING = 8;

    /** A side pane's padding, its table's borders and its scroll bar, around the columns. */
    public static final double CHROME = 22;

    private ColumnWidths() {
    }

    /** Fits the column to its title and these samples of its widest values; returns the width. */
    public static double fit(TableColumn<?, ?> column, String... widest) {
        Font font = Font.font(Font.getDefault().getFamily(), FONT_SIZE);
        // headers are bold in both themes: measured so, "Symbol" was cut to "Sym..."
        double width = measure(column.getText(), Font.font(Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, FONT_SIZE)) + HEADER_PADDING;
        for (String sample : widest) {
            width = Math.max(width, measure(sample, font));
        }
        double fitted = Math.ceil(width + PADDING);
        column.setMinWidth(fitted);
        column.setPrefWidth(fitted);
        return fitted;
    }

    /** The width of a text in the theme's font. */
    public static double textWidth(String text) {
        return Math.ceil(measure(text, Font.font(Font.getDefault().getFamily(), FONT_SIZE)));
    }

    private static double measure(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        return node.getLayoutBounds().getWidth();
    }
}
