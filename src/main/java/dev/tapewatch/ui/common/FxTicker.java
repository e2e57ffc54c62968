package dev.tapewatch.ui.common;

import dev.tapewatch.app.Threads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Runs an action on the FX thread at a fixed period without an animation. A running {@code Timeline} keeps JavaFX
 * pulsing at the display's rate, so a window refreshed 4 times a second would still lay out and render 60 times a
 * second; ticks posted from a timer let the toolkit sleep between them. A tick is not posted while the last one
 * has not run, so a busy FX thread is never handed a queue of them.
 */
public final class FxTicker implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final AtomicBoolean posted = new AtomicBoolean();

    public FxTicker(String name, long periodMillis, Runnable action) {
        timer = Executors.newSingleThreadScheduledExecutor(Threads.named(name));
        timer.scheduleAtFixedRate(() -> {
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    posted.set(false);
                    action.run();
                });
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the ticks; the timer thread only posts, so stopping it interrupts nothing that matters. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
