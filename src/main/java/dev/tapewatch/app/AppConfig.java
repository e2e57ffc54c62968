package dev.tapewatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import org.slf4j.LoggerFactory;

/**
 * The user's settings file ({@code tapewatch.properties}). It may hold an API key, so it is written with
 * owner-only permissions, and its values are never logged.
 */
public final class AppConfig {
    public static final String PROVIDER = "provider";
    public static final String POLYGON_KEY = "polygon.key";
    public static final String URL = "url";
    public static final String DATABASE = "database";
    /** The PostgreSQL password, when the database URL names none (a secret, like the key). */
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String ENV_POLYGON_KEY = "POLYGON_API_KEY";
    public static final String ALPACA_KEY = "alpaca.key";
    /** Alpaca's secret (a secret, like the keys). */
    public static final String ALPACA_SECRET = "alpaca.secret";
    /** Alpaca's feed: iex, sip, delayed_sip or test. */
    public static final String ALPACA_FEED = "alpaca.feed";
    public static final String ENV_ALPACA_KEY = "APCA_API_KEY_ID";
    public static final String ENV_ALPACA_SECRET = "APCA_API_SECRET_KEY";

    private final Path file;
    private final Properties properties;

    private AppConfig(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** Reads the file if it exists; a missing file is an empty configuration. */
    public static AppConfig load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot read the settings file " + file + ": " + e.getMessage()
                        + ". Fix or delete it.", e);
            }
            if (properties.containsKey(POLYGON_KEY) || properties.containsKey(DATABASE_PASSWORD)
                    || properties.containsKey(ALPACA_SECRET)) {
                warnIfOthersCanRead(file);
            }
        }
        return new AppConfig(file, properties);
    }

    /** A key readable by other users of the machine is a leaked key; saving tightens the file to owner-only. */
    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                LoggerFactory.getLogger(AppConfig.class).warn("The settings file {} holds an API key or password and can be read"
                        + " by other users ({}); it is made owner-only when next saved. Run chmod 600 on it now,"
                        + " or keep the key in the environment ({}) instead.", file,
                        PosixFilePermissions.toString(permissions), ENV_POLYGON_KEY);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions here (Windows): the user folder is private already
        }
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public void set(String key, String value) {
        if (value == null || value.isBlank()) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
    }

    /** The Polygon key: the command line's, else the environment's, else this file's. */
    public Optional<String> polygonKey(String fromCommandLine, Map<String, String> environment) {
        return credential(fromCommandLine, environment, ENV_POLYGON_KEY, POLYGON_KEY);
    }

    /** A credential: the command line's, else the environment variable's, else this file's entry. */
    public Optional<String> credential(String fromCommandLine, Map<String, String> environment, String variable,
                                       String entry) {
        if (fromCommandLine != null && !fromCommandLine.isBlank()) {
            return Optional.of(fromCommandLine.trim());
        }
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        return get(entry);
    }

    /** Writes atomically, readable and writable by the owner only where the file system allows it. */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Tapewatch settings");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
