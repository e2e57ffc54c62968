package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.h2.api.DatabaseEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class H2OpenRecoveryTest {
    /** Stands in for a recovery that cannot be done; public, for H2 to create it. */
    public static final class RefusingRecovery implements DatabaseEventListener {
        @Override
        public void init(String url) {
            throw new StoreException("Cannot recover the test file: refused.");
        }
    }

    @Test
    void aRecoveryThatFailsInsideH2ReachesTheUserInItsOwnWords(@TempDir Path dir) {
        Path base = dir.resolve("db");
        StoreLocation location = new StoreLocation("jdbc:h2:file:" + base + ";DATABASE_EVENT_LISTENER='"
                + RefusingRecovery.class.getName() + "'", base);
        StoreException e = assertThrows(StoreException.class, () -> BarStore.open(location, BarStore.Mode.CREATE));
        assertEquals("Cannot recover the test file: refused.", e.getMessage());
    }

    @Test
    void theFileIsFoundInEachFormOfAnH2FileUrl() {
        assertEquals(Path.of("/data/tape"), H2OpenRecovery.baseOf("jdbc:h2:file:/data/tape"));
        assertEquals(Path.of("/data/tape"), H2OpenRecovery.baseOf("jdbc:h2:/data/tape;RETENTION_TIME=2000"));
        assertEquals(Path.of("/data/tape"), H2OpenRecovery.baseOf("jdbc:h2:nio:/data/tape;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals(Path.of(System.getProperty("user.home"), "tape"), H2OpenRecovery.baseOf("jdbc:h2:~/tape"));
    }

    @Test
    void theStoreNamesItInTheSettingsOfAnH2File() {
        assertEquals(";RETENTION_TIME=2000;MAX_COMPACT_TIME=5000;DATABASE_EVENT_LISTENER='"
                + H2OpenRecovery.class.getName() + "'", H2Files.settings("jdbc:h2:file:/data/tape"));
    }

    @Test
    void aFileIsOpenInThisProcessWhileAHandleHasIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.mv.db"), "x");
        assertFalse(H2Files.openInThisProcess(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertTrue(H2Files.openInThisProcess(file));
        }
        assertFalse(H2Files.openInThisProcess(file));
        assertFalse(H2Files.openInThisProcess(dir.resolve("missing.mv.db")));
    }
}
