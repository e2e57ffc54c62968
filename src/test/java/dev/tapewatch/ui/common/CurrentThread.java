package dev.tapewatch.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.testfx.api.FxToolkit;

/**
 * A view model's threads for its unit tests: every job runs on the calling thread, which is the FX thread
 * (started once by TestFX, no scene or window shown), so a test reads no moving value; each {@link #onFxThread}
 * step returns once what it started has finished.
 */
public final class CurrentThread {
    private CurrentThread() {
    }

    /** A test body that may throw. */
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} on the FX thread and waits for it and for what it handed to the FX thread's queue (a
     * {@link Task} posts its own state changes there, so a task's handlers have run on return); 60 s at most
     * each. The body's failure is the test's.
     */
    public static void onFxThread(Body body) throws Exception {
        FxToolkit.registerPrimaryStage(); // TestFX's start, as the window tests of this JVM expect; never shown
        runOnFxThread(body);
        runOnFxThread(() -> { }); // the queue is first in, first out: what the body posted has run
    }

    private static void runOnFxThread(Body body) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            throw (Error) e.getCause();
        }
    }

    /** The window's tasks, run where they are started; failures are kept for the test to assert. */
    public static final class Tasks implements TaskExecutor {
        public final List<String> failures = new ArrayList<>();

        @Override
        public <T> Task<T> run(Task<T> task, String failure) {
            task.setOnFailed(event -> failures.add(failure + ": " + task.getException().getMessage()));
            task.run();
            return task;
        }

        @Override
        public void execute(String failure, Runnable job) {
            try {
                job.run();
            } catch (RuntimeException e) {
                failures.add(failure + ": " + e.getMessage());
            }
        }

        @Override
        public void cancel() {
        }

        @Override
        public void onFxThread(Runnable update) {
            update.run();
        }
    }

    /**
     * An executor that runs each job as it is handed over; a periodic job is kept and runs once per
     * {@link #tick()}, so the test decides when the next tick of a loop happens.
     */
    public static final class Scheduler extends AbstractExecutorService implements ScheduledExecutorService {
        private final List<Runnable> periodic = new ArrayList<>();
        private boolean shutdown;

        /** One tick of every periodic job. */
        public void tick() {
            List.copyOf(periodic).forEach(Runnable::run);
        }

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            command.run();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            periodic.add(command);
            return new Kept();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            periodic.add(command);
            return new Kept();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException("no delayed jobs in these tests");
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException("no delayed jobs in these tests");
        }

        @Override
        public void shutdown() {
            shutdown = true;
            periodic.clear();
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown();
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }

        private static final class Kept extends CompletableFuture<Object> implements ScheduledFuture<Object> {
            @Override
            public long getDelay(TimeUnit unit) {
                return 0;
            }

            @Override
            public int compareTo(Delayed other) {
                return 0;
            }
        }
    }
}
