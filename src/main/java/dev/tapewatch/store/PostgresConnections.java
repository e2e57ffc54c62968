package dev.tapewatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool of connections to PostgreSQL. The password comes from the URL ({@code password=}), else
 * {@code PGPASSWORD}, else the driver reads {@code ~/.pgpass}; it is taken out of the URL before the URL goes
 * anywhere, so no message or log can show it.
 */
final class PostgresConnections {

    private PostgresConnections() {
    }

    static HikariDataSource open(StoreLocation location) throws SQLException {
        String url = location.jdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        List<String> parameters = new ArrayList<>();
        String password = null;
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.regionMatches(true, 0, "password=", 0, 9)) {
                    password = URLDecoder.decode(parameter.substring(9), StandardCharsets.UTF_8);
                } else if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        if (password == null) {
            password = System.getenv("PGPASSWORD");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("tapewatch-postgres");
        config.setJdbcUrl(parameters.isEmpty() ? base : base + "?" + String.join("&", parameters));
        if (password != null) {
            config.setPassword(password);
        }
        // batches of upserts go out as multi-row statements (measured: README, "PostgreSQL")
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "tapewatch");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getMessage(), e);
        }
    }
}
