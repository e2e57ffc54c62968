package dev.tapewatch.app;

import dev.tapewatch.provider.SettingsFile;
import dev.tapewatch.provider.SettingsForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The user's settings file ({@code tapewatch.properties}). It may hold an API key, so it is written with
 * owner-only permissions, and its values are never logged.
 */
public final class AppConfig implements SettingsFile {
    public static final String DATABASE = "database";
    /** The PostgreSQL password, when the database URL names none (a secret, like the providers' keys). */
    public static final String DATABASE_PASSWORD = "database.password";
    private static final String ENV_DATABASE_PASSWORD = "PGPASSWORD";

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
            List<String> variables = Providers.secrets().stream()
                    .filter(secret -> properties.containsKey(secret.entry())).map(SettingsForm.Field::environment)
                    .distinct().collect(Collectors.toCollection(ArrayList::new));
            if (properties.containsKey(DATABASE_PASSWORD)) {
                variables.add(ENV_DATABASE_PASSWORD);
            }
            if (!variables.isEmpty()) {
                warnIfOthersCanRead(file, String.join(" or ", variables));
            }
        }
        return new AppConfig(file, properties);
    }

    /** A key readable by other users of the machine is a leaked key; saving tightens the file to owner-only. */
    private static void warnIfOthersCanRead(Path file, String variables) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                LoggerFactory.getLogger(AppConfig.class).warn("The settings file {} holds an API key or password and can be read"
                        + " by other users ({}); it is made owner-only when next saved. Run chmod 600 on it now,"
                        + " or keep the key in the environment ({}) instead.", file,
                        PosixFilePermissions.toString(permissions), variables);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions here (Windows): the user folder is private already
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
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
