package dev.tapewatch.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the store sets on and reads from H2 files. */
public final class H2Files {
    private H2Files() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);
    /** This process's open files, one link per handle (Linux). */
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    /**
     * The most live data a stopping recorder rewrites (about 50 M bars): the rewrite copies the live data at
     * 3-7 MB/s on this project's loaded 2-core machine, so a larger file would hold its stop for minutes.
     */
    private static final long COMPACT_LIMIT = 1L << 30;

    /** How much of an H2 file holds live data: its size and the bytes of it still in use. */
    public record Use(long fileBytes, long liveBytes) {
        /**
         * Whether rewriting the file to its live data is worth a stop's wait: it is a quarter or more bigger
         * than its live data, and the live data is small enough to copy in a minute or two.
         */
        public boolean worthCompacting() {
            return fileBytes > liveBytes + liveBytes / 4 && liveBytes <= COMPACT_LIMIT;
        }
    }

    /** The H2 file of a store's base path. */
    static Path file(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * Closes the database and rewrites its file to the live data alone, compressed (H2's SHUTDOWN COMPACT, about
     * 16 bytes a bar where a recording leaves 26-42). H2 closes the file first, copies it into a new file beside
     * it and then renames that over the old one (an atomic replace), so a process killed at any moment of it
     * leaves either the old file or the new one, each with every stored bar (README, "Storage layout").
     */
    static Void compact(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return null;
    }

    /**
     * H2 keeps every replaced page of its copy-on-write file for RETENTION_TIME (45 s by default) before it may
     * reuse the space; a recorder rewrites each open minute's chunk every batch, so a fast recording grew its file
     * to 5-6 times its live data (and the 200 ms H2 spends compacting on close did not always bring it back:
     * 122 bytes a bar once). Every durable write here is checkpointed into the file and fsynced, so two seconds
     * is enough against a killed process or a power cut. Reused space is also what hid the newest
     * chunks from H2 after a kill, with 45 s too, only later in a file's life: {@link #recoverNewestVersion}.
     * On close H2 may take up to 5 s to move chunks together and cut the file (README, "Storage layout"). Each time H2
     * opens the file, {@link H2OpenRecovery} first brings it to its newest commit (where the process's open files can
     * be read).
     */
    static String settings(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return (upper.contains("RETENTION_TIME") ? "" : ";RETENTION_TIME=2000")
                + (upper.contains("MAX_COMPACT_TIME") ? "" : ";MAX_COMPACT_TIME=5000")
                + (upper.contains("DATABASE_EVENT_LISTENER") ? "" : H2OpenRecovery.SETTING);
    }

    /**
     * Has H2 open the newest complete version of a file that was not closed (a kill -9, a crash, or H2 giving it
     * up after a failed write). H2 2.5 opens such a file at the chunk its header names and follows the place each
     * chunk predicted for the next. When a chunk lands elsewhere (in space freed meanwhile), H2 rewrites the
     * header, but naming the chunk before it, so neither reaches that chunk nor those after it, and H2 opened the
     * older version without a word: bars already counted as stored were gone (README, "Storage layout"). H2's
     * full scan of the file finds them; when it finds a newer version than H2's own open would, the file is
     * opened once with that scan and closed, which writes a header naming the newest version. A file another
     * process holds, or one that is no H2 file, is left to H2's own open to report.
     */
    static void recoverNewestVersion(Path file) {
        String name = file.toString();
        long opened;
        long newest;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return;
            }
            try (MVStore store = storeAt(name).readOnly().open()) {
                if (store.getStoreHeader().containsKey("clean")) { // H2 closed it: its header names the newest
                    return;
                }
                opened = store.getCurrentVersion();
            }
            try (MVStore store = storeAt(name).readOnly().recoveryMode().open()) {
                newest = store.getCurrentVersion();
            }
        } catch (IOException | MVStoreException e) {
            return;
        }
        if (newest <= opened) {
            return;
        }
        LOG.warn("{} was not closed: H2 would open it at version {} while it holds version {}; recovering it",
                file, opened, newest);
        long reopened;
        try {
            storeAt(name).recoveryMode().open().close(); // the close writes a header naming the newest version
            try (MVStore store = storeAt(name).readOnly().open()) {
                reopened = store.getCurrentVersion();
            }
        } catch (MVStoreException e) {
            throw new StoreException("Cannot recover " + file + ", which was not closed: " + e.getMessage()
                    + ". Opened as it is, it would lose its newest writes; keep a copy of it.", e);
        }
        if (reopened < newest) {
            throw new StoreException("Cannot recover " + file + ", which was not closed: it holds version " + newest
                    + " but opens at version " + reopened + " (is it read-only?). Opened as it is, it would lose"
                    + " its newest writes; keep a copy of it.");
        }
    }

    /**
     * Puts a file H2 has closed, and its folder's entry for it, on the device. H2 fsyncs nothing when it closes: its
     * compaction on close moves chunks within the file, and {@code SHUTDOWN COMPACT} renames a new file over it,
     * either of which a power cut soon after could otherwise undo. A failure is logged: every stored bar was
     * already fsynced when it was written. Only where the process's open files can be read (Linux), and only once no
     * handle of it has the file open.
     */
    static void syncClosed(Path file) {
        if (!Files.isRegularFile(file) || openInThisProcess(file)) {
            return; // still open (closing our handle would drop H2's lock on it): H2 is not done with it
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.warn("Could not fsync {} after closing it: {}", file, e.getMessage());
            return;
        }
        try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.debug("Could not fsync the folder of {} (not every system allows it): {}", file, e.getMessage());
        }
    }

    /** Whether {@link #openInThisProcess} can tell: the process's open files are listed (Linux). */
    static boolean seesOpenFiles() {
        return Files.isDirectory(OPEN_FILES);
    }

    /**
     * Whether a handle of this process has the file open, from the process's open files ({@code /proc/self/fd}).
     * Where that cannot be read the answer is yes, which leaves the file to H2's own open.
     */
    static boolean openInThisProcess(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return false; // no such file: nothing holds it
        }
        try (DirectoryStream<Path> handles = Files.newDirectoryStream(OPEN_FILES)) {
            for (Path handle : handles) {
                try {
                    if (Files.readSymbolicLink(handle).equals(real)) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // a handle closed while we looked, or the directory's own handle: not the file
                }
            }
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static MVStore.Builder storeAt(String file) {
        return new MVStore.Builder().fileName(file).autoCommitDisabled();
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
