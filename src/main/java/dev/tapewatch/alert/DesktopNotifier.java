package dev.tapewatch.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the desktop about an alert: a short tone, and the desktop's own notification (freedesktop notifications
 * through {@code notify-send} on Linux, the system tray's message elsewhere). Its one thread does only this, so
 * a slow sound device or notification daemon never holds up the window; a machine without either is told
 * nothing, and says so once in the log.
 */
public final class DesktopNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    private final ExecutorService worker;
    private volatile boolean soundOn = true;
    private volatile boolean desktopOn = true;
    private boolean soundMissingLogged;
    private boolean desktopMissingLogged;
    private java.awt.TrayIcon trayIcon;

    private final java.util.function.Consumer<String> failed;
    private boolean failureTold;
    private final String searchPath;

    /** {@code failed} hears, once, why desktop notifications do not work here (from the notifier's thread). */
    public DesktopNotifier(ThreadFactory threads, java.util.function.Consumer<String> failed) {
        this(threads, failed, System.getenv("PATH"));
    }

    /** As the public constructor, finding {@code notify-send} on {@code searchPath} (a test's own PATH). */
    DesktopNotifier(ThreadFactory threads, java.util.function.Consumer<String> failed, String searchPath) {
        worker = Executors.newSingleThreadExecutor(threads);
        this.failed = failed;
        this.searchPath = searchPath;
    }

    public void settings(boolean sound, boolean desktop) {
        soundOn = sound;
        desktopOn = desktop;
    }

    /** Any thread; returns at once. After {@link #close()} (the window closing) it does nothing. */
    public void tell(Alert alert) {
        try {
            worker.execute(() -> deliver(alert));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the window is closing: no tone or notification any more
        }
    }

    private void deliver(Alert alert) {
        if (soundOn) {
            beep();
        }
        if (desktopOn) {
            notifyDesktop(alert);
        }
    }

    private void beep() {
        float rate = 22_050;
        byte[] tone = new byte[(int) (rate * 0.18)];
        for (int i = 0; i < tone.length; i++) {
            double fade = Math.min(1, Math.min(i, tone.length - i) / (rate * 0.01));
            tone[i] = (byte) (Math.sin(2 * Math.PI * 880 * i / rate) * 90 * fade);
        }
        AudioFormat format = new AudioFormat(rate, 8, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(tone, 0, tone.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (!soundMissingLogged) {
                soundMissingLogged = true;
                LOG.info("No sound device for alerts ({}); alerts show in the window only", e.getMessage());
            }
        }
    }

    private void notifyDesktop(Alert alert) {
        Path notifySend = onPath("notify-send");
        try {
            if (notifySend != null) {
                Process process = new ProcessBuilder(List.of(notifySend.toString(), "--app-name=Tapewatch",
                        "Tapewatch: " + alert.symbol(), alert.text())).redirectErrorStream(true).start();
                String said = new String(process.getInputStream().readNBytes(400),
                        java.nio.charset.StandardCharsets.UTF_8).trim();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("notify-send did not finish within 5 s (is a notification daemon running?)");
                } else if (process.exitValue() != 0) {
                    fail("notify-send exited " + process.exitValue() + (said.isEmpty() ? "" : ": " + said));
                }
            } else if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.SystemTray.isSupported()) {
                tray().displayMessage("Tapewatch: " + alert.symbol(), alert.text(), java.awt.TrayIcon.MessageType.INFO);
            } else if (!desktopMissingLogged) {
                desktopMissingLogged = true;
                fail("no notify-send on the PATH and no system tray (install libnotify-bin)");
            }
        } catch (IOException | java.awt.AWTException | RuntimeException e) {
            fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(String why) {
        LOG.info("Desktop notification failed: {}", why);
        if (!failureTold) {
            failureTold = true;
            failed.accept("Desktop notifications do not work: " + why + "; alerts show in the window");
        }
    }

    private java.awt.TrayIcon tray() throws java.awt.AWTException {
        if (trayIcon == null) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            trayIcon = new java.awt.TrayIcon(image, "Tapewatch");
            java.awt.SystemTray.getSystemTray().add(trayIcon);
        }
        return trayIcon;
    }

    private Path onPath(String program) {
        String path = searchPath;
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public void close() {
        worker.shutdownNow(); // it never touches the database: interrupting a beep or a notify-send is harmless
    }
}
