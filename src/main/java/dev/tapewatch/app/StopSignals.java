package dev.tapewatch.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop that the program runs itself, instead of the JVM's
 * shutdown, which would run H2's and others' hooks in parallel with ours and close the database under the
 * writer. A second signal means "now": {@code onSecond} runs (e.g. halting with what is not stored said).
 */
public final class StopSignals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> NAMES = List.of("INT", "TERM");
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    public static StopSignals install(Runnable onFirst, Runnable onSecond) {
        StopSignals installed = new StopSignals();
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        SignalHandler handler = signal -> (count.incrementAndGet() == 1 ? onFirst : onSecond).run();
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                installed.previous.add(Signal.handle(signal, handler));
                installed.signals.add(signal);
            } catch (IllegalArgumentException e) {
                LOG.debug("signal {} not available here: {}", name, e.getMessage());
            }
        }
        return installed;
    }

    /** Gives the signals back to whoever handled them before. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
