package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** How bars are laid out in one kind of database: the part of the store that differs per database. */
interface BarTable {

    /** Writes bars (in arrival order: a later bar with the same symbol and start replaces an earlier one). */
    void write(Connection connection, List<Bar> bars) throws SQLException;

    /** Deletes the bar of a symbol that starts at {@code start}, if stored. */
    void delete(Connection connection, String symbol, long start) throws SQLException;

    /** Bars of a symbol with start in [from, to), in time order. */
    void forEach(Connection connection, String symbol, long from, long to, Consumer<Bar> consumer) throws SQLException;

    /** The last {@code count} bars of a symbol with start in [from, to), newest first. */
    List<Bar> last(Connection connection, String symbol, long from, long to, int count) throws SQLException;

    /** Columns symbol, trade date, bar count; one parameter (the symbol) when {@code oneSymbol}. */
    String daysQuery(boolean oneSymbol);

    String symbolsQuery();

    String countQuery();
}
