package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2OpenRecoveryTest {

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
