package dev.tapewatch;

import dev.tapewatch.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: the one named by {@code TAPEWATCH_TEST_POSTGRES} (a JDBC URL of a superuser
 * on its {@code postgres} database; {@code .ci/run} starts one), else a throwaway cluster started here with
 * {@code scripts/test-postgres.sh}. Tests skip PostgreSQL only when told to ({@code -DskipPostgres}); a missing
 * server otherwise fails them, saying why.
 */
public final class TestPostgres {
    public static final String ENV = "TAPEWATCH_TEST_POSTGRES";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String adminUrl;

    private TestPostgres() {
    }

    /** A new, empty database on the test server. */
    public static StoreLocation newDatabase() {
        String admin = adminUrl();
        String name = "tw_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + StoreLocation.parse(admin), e);
        }
        return StoreLocation.parse(withDatabase(admin, name));
    }

    /** The admin URL with another database name. */
    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        int slash = url.lastIndexOf('/', query < 0 ? url.length() : query);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    public static synchronized String adminUrl() {
        if (Boolean.getBoolean("skipPostgres")) {
            Assumptions.abort("PostgreSQL tests skipped: -DskipPostgres");
        }
        if (adminUrl == null) {
            String given = System.getenv(ENV);
            adminUrl = given != null && !given.isBlank() ? given : startCluster();
        }
        return adminUrl;
    }

    private static String startCluster() {
        try {
            Path dir = Files.createTempDirectory("tapewatch-pg");
            Process start = new ProcessBuilder("scripts/test-postgres.sh", "start", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String url = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!start.waitFor(60, TimeUnit.SECONDS) || start.exitValue() != 0 || url.isEmpty()) {
                throw new IllegalStateException("No PostgreSQL for the tests: scripts/test-postgres.sh failed (see"
                        + " above). Set " + ENV + " to a superuser's JDBC URL, or pass -DskipPostgres.");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("scripts/test-postgres.sh", "remove", dir.toString()).inheritIO().start()
                            .waitFor(30, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    // the cluster lives in a temporary folder; nothing else to do while exiting
                }
            }));
            return url;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: " + e, e);
        }
    }
}
