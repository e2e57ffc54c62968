package dev.tapewatch.store;

import dev.tapewatch.market.Spike;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spikes table's rows, keyed by symbol and start. */
final class SpikeRows {
    /** The columns, in the order {@link #upsert} binds them. */
    static final String COLUMNS = "symbol, start_ms, end_ms, peak_ms, kind, peak_score, volume_multiple, prints";

    private SpikeRows() {
    }

    /**
     * Stores spikes with {@code upsert}, the database's insert-or-replace of a row of {@link #COLUMNS} by its key;
     * of spikes with the same key the last one counts.
     */
    static void upsert(Connection connection, String upsert, Collection<Spike> spikes) throws SQLException {
        Map<String, Spike> latest = new LinkedHashMap<>(); // one statement may not touch a row twice
        for (Spike spike : spikes) {
            latest.put(spike.symbol() + "@" + spike.start(), spike);
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Spike spike : latest.values()) {
                statement.setString(1, spike.symbol());
                statement.setLong(2, spike.start());
                statement.setLong(3, spike.end());
                statement.setLong(4, spike.peakTime());
                statement.setString(5, spike.kind().name());
                statement.setDouble(6, spike.peakScore());
                statement.setDouble(7, spike.volumeMultiple());
                statement.setString(8, spike.prints().name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Deletes the spikes of a symbol that start in [from, to). */
    static void delete(Connection connection, String symbol, long from, long to) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM spikes WHERE symbol = ? AND start_ms >= ? AND start_ms < ?")) {
            delete.setString(1, symbol);
            delete.setLong(2, from);
            delete.setLong(3, to);
            delete.executeUpdate();
        }
    }

    /** Spikes of a symbol that start in [from, to), in time order. */
    static List<Spike> read(Connection connection, String symbol, long from, long to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM spikes"
                + " WHERE symbol = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms")) {
            statement.setString(1, symbol);
            statement.setLong(2, from);
            statement.setLong(3, to);
            List<Spike> spikes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    spikes.add(new Spike(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            Spike.Kind.valueOf(rows.getString(5)), rows.getDouble(6), rows.getDouble(7),
                            Spike.Prints.valueOf(rows.getString(8))));
                }
            }
            return spikes;
        }
    }
}
