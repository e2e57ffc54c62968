package dev.tapewatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders for tests and tools that cannot use JUnit's {@code @TempDir} (a window, a database or a child
 * JVM may still hold files in them when the test ends): each is deleted, with all it holds, when the JVM exits.
 */
public final class TempFolders {
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAll, "temp-folders"));
    }

    private TempFolders() {
    }

    /** A new folder in the system's temporary folder, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        CREATED.add(folder);
        return folder;
    }

    private static void deleteAll() {
        for (Path folder : CREATED) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // the JVM is exiting; what cannot be deleted stays in the temporary folder
            }
        }
    }
}
