package dev.tapewatch.ui.common;

import javafx.concurrent.Task;

/**
 * Where a view model's work runs: in the window, {@link BackgroundTasks}' one thread and the FX thread; in a view
 * model's unit test, the calling thread (the FX thread, so a {@link Task}'s handlers run at once). Called on the
 * FX thread.
 */
public interface TaskExecutor {
    /** Runs a long job with progress; the previous long job is cancelled. */
    <T> Task<T> run(Task<T> task, String failure);

    /** Runs a short job (a look-up) after the ones queued; a failure is reported, not swallowed. */
    void execute(String failure, Runnable job);

    /** Asks the running long job to stop; it notices between rows or pages. */
    void cancel();

    /** From a job: hands its result to the FX thread. */
    void onFxThread(Runnable update);
}
