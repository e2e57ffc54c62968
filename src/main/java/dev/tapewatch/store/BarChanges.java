package dev.tapewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What a committed write changed, sent to PostgreSQL readers with {@code NOTIFY}: per symbol, the range of bar
 * starts it stored (new bars and replacements). PostgreSQL delivers a notification only when its transaction
 * commits, so a reader that reads the range after hearing of it finds the bars there.
 */
public final class BarChanges {
    static final String CHANNEL = "tapewatch_bars";
    /** PostgreSQL's payload limit is 8000 bytes; symbols are ASCII. */
    private static final int PAYLOAD_LIMIT = 7_900;

    /**
     * Bars of {@code symbol} starting in [from, to) were stored; or, when {@code removed}, the bar starting at
     * {@code from} was deleted (every trade of its second was cancelled).
     */
    public record Change(String symbol, long from, long to, boolean removed) {
        public Change(String symbol, long from, long to) {
            this(symbol, from, to, false);
        }
    }

    private BarChanges() {
    }

    /** Collects the ranges of one transaction. */
    static final class Builder {
        private final Map<String, long[]> ranges = new LinkedHashMap<>();
        private final List<Change> removals = new ArrayList<>();

        void removed(String symbol, long start) {
            removals.add(new Change(symbol, start, start + 1, true));
        }

        void add(String symbol, long start) {
            long[] range = ranges.get(symbol);
            if (range == null) {
                ranges.put(symbol, new long[] {start, start + 1});
            } else {
                range[0] = Math.min(range[0], start);
                range[1] = Math.max(range[1], start + 1);
            }
        }

        List<Change> build() {
            List<Change> changes = new ArrayList<>(ranges.size());
            ranges.forEach((symbol, range) -> changes.add(new Change(symbol, range[0], range[1])));
            changes.addAll(removals);
            return changes;
        }
    }

    /** Queues the notifications in the writing transaction (sent when it commits). */
    static void notify(Connection connection, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            StringBuilder payload = new StringBuilder();
            for (Change change : changes) {
                String line = (change.removed() ? "-" : "") + change.symbol() + " " + change.from() + " " + change.to();
                if (payload.length() + line.length() + 1 > PAYLOAD_LIMIT) {
                    send(notify, payload);
                }
                payload.append(payload.length() == 0 ? "" : "\n").append(line);
            }
            send(notify, payload);
        }
    }

    private static void send(PreparedStatement notify, StringBuilder payload) throws SQLException {
        notify.setString(1, CHANNEL);
        notify.setString(2, payload.toString());
        notify.executeQuery().close();
        payload.setLength(0);
    }

    static List<Change> parse(String payload) {
        List<Change> changes = new ArrayList<>();
        for (String line : payload.split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 3) {
                boolean removed = parts[0].startsWith("-");
                changes.add(new Change(removed ? parts[0].substring(1) : parts[0], Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]), removed));
            }
        }
        return changes;
    }

    static Subscription subscribe(Connection connection, StoreLocation location) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new Subscription(connection, location);
    }

    /** A connection listening for changes; one thread waits on it at a time. */
    public static final class Subscription implements AutoCloseable {
        private final Connection connection;
        private final StoreLocation location;

        private Subscription(Connection connection, StoreLocation location) {
            this.connection = connection;
            this.location = location;
        }

        /**
         * Waits up to {@code timeoutMillis} for changes and returns those that arrived (empty after the timeout).
         *
         * @throws StoreException when the connection broke: subscribe again, and read what may have been missed
         */
        public List<Change> await(int timeoutMillis) {
            try {
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
                List<Change> changes = new ArrayList<>();
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        changes.addAll(parse(notification.getParameter()));
                    }
                }
                return changes;
            } catch (SQLException e) {
                throw StoreErrors.translate(e, location, "watch");
            }
        }

        @Override
        public void close() {
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("UNLISTEN " + CHANNEL);
            } catch (SQLException e) {
                // the connection is broken: closing it below is all that is left to do
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // already gone
                }
            }
        }
    }
}
