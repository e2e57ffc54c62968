package dev.tapewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the store sets on and reads from H2 files. */
public final class H2Files {
    private H2Files() {
    }

    /** How much of an H2 file holds live data: its size and the bytes of it still in use. */
    public record Use(long fileBytes, long liveBytes) {
    }

    /**
     * H2 keeps every replaced page of its copy-on-write file for RETENTION_TIME (45 s by default) before it may
     * reuse the space; a recorder rewrites each open minute's chunk every batch, so a fast recording grew its file
     * to 5-6 times its live data (and the 200 ms H2 spends compacting on close did not always bring it back:
     * 122 bytes a bar once). Every durable write here is checkpointed to disk, so two seconds is enough, and on
     * close H2 may take up to 5 s to move chunks together and cut the file (README, "Storage layout").
     */
    static String settings(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return (upper.contains("RETENTION_TIME") ? "" : ";RETENTION_TIME=2000")
                + (upper.contains("MAX_COMPACT_TIME") ? "" : ";MAX_COMPACT_TIME=5000");
    }

    /** File size and live bytes from H2's fill rates of the file and of its chunks. */
    static Use use(Connection connection) throws SQLException {
        Map<String, Double> info = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE FROM"
                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
                + " ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                info.put(rows.getString(1), Double.parseDouble(rows.getString(2).replace("%", "")));
            }
        }
        double size = info.getOrDefault("info.FILE_SIZE", Double.NaN);
        return new Use((long) size, (long) (size * info.getOrDefault("info.FILL_RATE", Double.NaN) / 100
                * info.getOrDefault("info.CHUNKS_FILL_RATE", Double.NaN) / 100));
    }
}
