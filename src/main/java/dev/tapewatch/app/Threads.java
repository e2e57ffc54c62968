package dev.tapewatch.app;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The app's one way to make threads: named after their one job, daemon, failures logged. */
public final class Threads {
    private Threads() {
    }

    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            int n = count.incrementAndGet();
            Thread thread = new Thread(runnable, n == 1 ? name : name + "-" + n);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> org.slf4j.LoggerFactory.getLogger(Threads.class)
                    .error("Thread {} failed", t.getName(), e));
            return thread;
        };
    }
}
