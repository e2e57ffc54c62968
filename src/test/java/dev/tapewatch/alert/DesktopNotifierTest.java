package dev.tapewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desktop whose notifications fail says why, once (the window shows it in the status bar). */
class DesktopNotifierTest {
    @TempDir
    Path dir;

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFailingNotifySendIsToldOnceWithItsReason() throws Exception {
        Path notifySend = dir.resolve("notify-send");
        Path runs = dir.resolve("runs");
        Files.writeString(runs, "");
        Files.writeString(notifySend, "#!/bin/sh\necho run >> '" + runs + "'\n"
                + "echo 'Cannot autolaunch D-Bus without X11 $DISPLAY' >&2\nexit 1\n");
        assertTrue(notifySend.toFile().setExecutable(true));
        List<String> told = new CopyOnWriteArrayList<>();
        DesktopNotifier notifier = new DesktopNotifier(Executors.defaultThreadFactory(), told::add, dir.toString());
        notifier.settings(false, true);
        Alert alert = AlertDeliveryTest.alert("SPY", 0);
        notifier.tell(alert);
        notifier.tell(alert);
        notifier.tell(alert);
        Await.until(Duration.ofSeconds(20), "three tries", () -> lines(runs) == 3);
        Await.until(Duration.ofSeconds(20), "the failure told", () -> !told.isEmpty());
        notifier.close();
        assertEquals(List.of("Desktop notifications do not work: notify-send exited 1: Cannot autolaunch D-Bus without"
                + " X11 $DISPLAY; alerts show in the window"), told);
    }
}
