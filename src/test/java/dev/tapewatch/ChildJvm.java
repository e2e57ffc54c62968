package dev.tapewatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Tapewatch in a JVM of its own (a real process to SIGTERM or kill -9), with its own home folders. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private final List<Thread> pumps = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        pumps.add(pump(process.getInputStream(), out, "child-out"));
        pumps.add(pump(process.getErrorStream(), err, "child-err"));
    }

    /** Starts {@code dev.tapewatch.Main} with these arguments and JVM options; data and settings under {@code home}. */
    public static ChildJvm start(Path home, List<String> jvmOptions, String... args) throws IOException {
        return start(home, java.util.Map.of(), jvmOptions, args);
    }

    /** As {@link #start(Path, List, String...)}, with these environment variables added. */
    public static ChildJvm start(Path home, java.util.Map<String, String> environment, List<String> jvmOptions,
                                 String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Duser.home=" + home);
        command.addAll(LoopbackOnly.childOptions());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.tapewatch.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().remove("POLYGON_API_KEY");
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    private static Thread pump(java.io.InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone and its pipe closed: everything it wrote was read
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for a line of standard output that matches; returns it. */
    public String awaitLine(Duration timeout, String what, Predicate<String> matches) {
        String[] found = new String[1];
        Await.until(timeout, what, () -> {
            for (String line : out) {
                if (matches.test(line)) {
                    found[0] = line;
                    return true;
                }
            }
            return false;
        }, () -> "out: " + out + " err: " + tail(err));
        return found[0];
    }

    public List<String> out() {
        return out;
    }

    public String err() {
        return String.join("\n", err);
    }

    private static String tail(List<String> lines) {
        int from = Math.max(0, lines.size() - 30);
        return String.join("\n", lines.subList(from, lines.size()));
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGTERM, as a service manager or logout sends it. Through the process handle: {@code Process.destroy}
     * would also close our ends of its output pipes and lose its last lines.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no chance to clean up. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit within " + timeout + "; out: " + out + " err: "
                    + tail(err));
        }
        for (Thread pump : pumps) {
            pump.join(5_000); // they end at the end of the streams, just after exit
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
