package dev.tapewatch.ui.common;

import dev.tapewatch.app.Threads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The window's one executor for work that must not run on the FX thread (starting a session, loading a day,
 * exporting, auditing, store look-ups), one job at a time. A new long job cancels the previous one; cancelling
 * is cooperative (the job checks between rows or pages), never an interrupt, since a job may be inside H2.
 * Failures reach the user through {@code onFailure}. Properties change on the FX thread only.
 */
public final class BackgroundTasks implements TaskExecutor {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Threads.named("window-tasks"));
    private final BiConsumer<String, Throwable> onFailure;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Task<?> running;

    public BackgroundTasks(BiConsumer<String, Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public <T> Task<T> run(Task<T> task, String failure) {
        cancel();
        running = task;
        busy.bind(task.runningProperty());
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.setOnFailed(event -> onFailure.accept(failure + ": " + task.getException().getMessage(),
                task.getException()));
        executor.execute(task);
        return task;
    }

    @Override
    public void execute(String failure, Runnable job) {
        if (executor.isShutdown()) {
            return; // the window is closing: nothing started now would be seen
        }
        executor.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                javafx.application.Platform.runLater(() -> onFailure.accept(failure + ": " + e.getMessage(), e));
            }
        });
    }

    @Override
    public void cancel() {
        if (running != null) {
            running.cancel(false);
        }
    }

    @Override
    public void onFxThread(Runnable update) {
        javafx.application.Platform.runLater(update);
    }

    /** Cancels, lets what runs finish, and stops; call off the FX thread or at exit. */
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
