package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
