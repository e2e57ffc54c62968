package dev.tapewatch.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the bars live: an H2 file database given by its path (with or without H2's {@code .mv.db}
 * suffix), a PostgreSQL database ({@code jdbc:postgresql://…} or libpq's {@code postgresql://user@host/db}), or
 * any JDBC URL. A URL may hold a password: {@link #toString()} and {@link #describe()} never show its parameters.
 */
public record StoreLocation(String jdbcUrl, Path file) {
    private static final String H2_SUFFIX = ".mv.db";

    /** Parses a {@code --db} value: a JDBC URL as is, a libpq URI as PostgreSQL, anything else as an H2 file. */
    public static StoreLocation parse(String value) {
        if (value.startsWith("jdbc:")) {
            return new StoreLocation(value, null);
        }
        if (value.startsWith("postgresql://") || value.startsWith("postgres://")) {
            return new StoreLocation(fromLibpqUri(value), null);
        }
        return ofFile(Path.of(value));
    }

    /** {@code postgresql://[user[:password]@]host[:port][/db][?params]} as pgjdbc's URL. */
    private static String fromLibpqUri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value.substring(0, value.indexOf("://") + 3) + "…' is not a valid"
                    + " PostgreSQL URI (" + e.getReason() + "); use postgresql://user@host:port/database.", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("A PostgreSQL URI needs a host: postgresql://user@host:port/database.");
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            url.append(':').append(uri.getPort());
        }
        url.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            append(query, "user=" + (colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                append(query, "password=" + userInfo.substring(colon + 1));
            }
        }
        return query.length() == 0 ? url.toString() : url + "?" + query;
    }

    private static void append(StringBuilder query, String parameter) {
        query.append(query.length() == 0 ? "" : "&").append(parameter);
    }

    /** This PostgreSQL location with {@code password} when its URL names none; any other location as it is. */
    public StoreLocation withPassword(String password) {
        if (!isPostgres() || password.isEmpty() || jdbcUrl.matches("(?i).*[?&]password=.*")) {
            return this;
        }
        String parameter = "password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        return new StoreLocation(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameter, null);
    }

    public static StoreLocation ofFile(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        if (name.endsWith(H2_SUFFIX)) {
            absolute = absolute.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length()));
        }
        return new StoreLocation("jdbc:h2:file:" + absolute, absolute);
    }

    public boolean isH2File() {
        return file != null;
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The file H2 actually writes, for messages and existence checks. */
    public Path dataFile() {
        return file == null ? null : file.resolveSibling(file.getFileName() + H2_SUFFIX);
    }

    /** What to show a user: the file, or the URL without its parameters (they may hold passwords). */
    public String describe() {
        if (file != null) {
            return dataFile().toString();
        }
        int semicolon = jdbcUrl.indexOf(';');
        int query = jdbcUrl.indexOf('?');
        int cut = semicolon < 0 ? query : (query < 0 ? semicolon : Math.min(semicolon, query));
        return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut);
    }

    @Override
    public String toString() {
        return describe();
    }
}
