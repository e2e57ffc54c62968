package dev.tapewatch.store;

import java.nio.file.Path;

/**
 * Where the bars live: an H2 file database given by its path (with or without H2's {@code .mv.db}
 * suffix) or any JDBC URL.
 */
public record StoreLocation(String jdbcUrl, Path file) {
    private static final String H2_SUFFIX = ".mv.db";

    /** Parses a {@code --db} value: a JDBC URL as is, anything else as a path to an H2 file. */
    public static StoreLocation parse(String value) {
        if (value.startsWith("jdbc:")) {
            return new StoreLocation(value, null);
        }
        return ofFile(Path.of(value));
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
}
