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

    public DesktopNotifier(ThreadFactory threads) {
        worker = Executors.newSingleThreadExecutor(threads);
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
                        "Tapewatch: " + alert.symbol(), alert.message())).redirectErrorStream(true).start();
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                process.waitFor(5, TimeUnit.SECONDS);
            } else if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.SystemTray.isSupported()) {
                tray().displayMessage("Tapewatch: " + alert.symbol(), alert.message(), java.awt.TrayIcon.MessageType.INFO);
            } else if (!desktopMissingLogged) {
                desktopMissingLogged = true;
                LOG.info("No desktop notifications here (no notify-send, no system tray); alerts show in the window");
            }
        } catch (IOException | java.awt.AWTException | RuntimeException e) {
            LOG.info("Desktop notification failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
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
