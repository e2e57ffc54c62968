package dev.tapewatch.bench;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The alternative to the store's multi-row upserts that the PostgreSQL ingest figures weigh it against: each batch
 * goes by {@code COPY} into a temporary staging table, then one {@code INSERT … SELECT … ON CONFLICT} merges it,
 * in one transaction. Not used by the product ({@code bench postgres} measures both on the same bars).
 */
final class PostgresCopyIngest implements AutoCloseable {
    private static final String COLUMNS = "symbol, trade_date, start_ms, end_ms, open_price, high_price, low_price,"
            + " close_price, volume, vwap, accumulated_volume, day_open, day_vwap, avg_trade_size, otc, source";
    private final Connection connection;

    /** {@code url} is a Tapewatch database whose day partitions for the bars exist already. */
    PostgresCopyIngest(String url) throws SQLException {
        connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE bars_stage (LIKE bars) ON COMMIT DELETE ROWS");
        }
        connection.commit();
    }

    void write(List<Bar> bars) throws Exception {
        StringBuilder csv = new StringBuilder(bars.size() * 160);
        for (Bar bar : bars) {
            csv.append(bar.symbol()).append(',').append(ExchangeTime.dayOf(bar.start())).append(',')
                    .append(bar.start()).append(',').append(bar.end()).append(',').append(bar.open()).append(',')
                    .append(bar.high()).append(',').append(bar.low()).append(',').append(bar.close()).append(',')
                    .append(bar.volume()).append(',').append(bar.vwap()).append(',');
            optional(csv, bar.accumulatedVolume());
            optional(csv, bar.dayOpen());
            optional(csv, bar.dayVwap());
            optional(csv, bar.averageTradeSize());
            csv.append(bar.otc()).append(',').append(bar.source().id()).append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bars_stage (" + COLUMNS + ") FROM STDIN"
                + " (FORMAT csv)", new StringReader(csv.toString()));
        try (Statement merge = connection.createStatement()) {
            merge.execute("INSERT INTO bars (" + COLUMNS + ") SELECT DISTINCT ON (symbol, start_ms) " + COLUMNS
                    + " FROM bars_stage ORDER BY symbol, start_ms ON CONFLICT (symbol, start_ms) DO UPDATE SET"
                    + " end_ms = EXCLUDED.end_ms, open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price,"
                    + " low_price = EXCLUDED.low_price, close_price = EXCLUDED.close_price, volume = EXCLUDED.volume,"
                    + " vwap = EXCLUDED.vwap, accumulated_volume = EXCLUDED.accumulated_volume,"
                    + " day_open = EXCLUDED.day_open, day_vwap = EXCLUDED.day_vwap,"
                    + " avg_trade_size = EXCLUDED.avg_trade_size, otc = EXCLUDED.otc, source = EXCLUDED.source");
        }
        connection.commit();
    }

    private static void optional(StringBuilder csv, double value) {
        if (!Double.isNaN(value)) {
            csv.append(value);
        }
        csv.append(',');
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
