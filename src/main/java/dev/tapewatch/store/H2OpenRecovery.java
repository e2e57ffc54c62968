package dev.tapewatch.store;

import java.nio.file.Path;
import org.h2.api.DatabaseEventListener;

/**
 * Named in the URL of every H2 file the store opens ({@code DATABASE_EVENT_LISTENER}). H2 calls {@link #init} just
 * before it opens the file, each time it does: the first connection, and the next one after H2 closed the database
 * itself on a failed write (a full disk), which leaves the file as a kill would. It is then first brought to its
 * newest commit ({@link H2Files#recoverNewestVersion}). H2 also calls it for each later connection whose URL names
 * it, with the file open: closing the probe's handle would then drop the lock H2 holds on the file (a process's
 * locks go with any of its handles), so the probe runs only while no handle of this process has the file open.
 */
public final class H2OpenRecovery implements DatabaseEventListener {
    /** The URL setting that has H2 call this listener. */
    static final String SETTING = ";DATABASE_EVENT_LISTENER='" + H2OpenRecovery.class.getName() + "'";

    @Override
    public void init(String url) {
        Path file = H2Files.file(baseOf(url));
        if (!H2Files.openInThisProcess(file)) {
            H2Files.recoverNewestVersion(file);
        }
    }

    /** The base path of an H2 file URL: {@code jdbc:h2:[file:|nio:|…]PATH[;SETTINGS]}. */
    static Path baseOf(String url) {
        String path = url.substring(url.startsWith("jdbc:h2:") ? "jdbc:h2:".length() : 0);
        int settings = path.indexOf(';');
        path = settings < 0 ? path : path.substring(0, settings);
        int scheme = path.indexOf(':');
        if (scheme > 1 && path.substring(0, scheme).chars().allMatch(Character::isLetter)) {
            path = path.substring(scheme + 1); // a file system's prefix, not a drive letter
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath();
    }
}
