package dev.tapewatch.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program for each alert with the alert's JSON (one line) on its standard input, through the system's
 * shell so a command line works as typed. It must finish within the time limit; what it prints (to a temporary
 * file, so it never blocks on a full pipe) goes to the log on failure only. Failures are not run again: a program may have acted before it failed.
 */
public final class AlertCommand implements AlertSink {
    private static final int OUTPUT_KEPT = 2_000;
    private final String command;
    private final Duration limit;

    public AlertCommand(String command, Duration limit) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("the alert command is empty");
        }
        this.command = command;
        this.limit = limit;
    }

    /** The program's name only: its arguments may hold a token. */
    @Override
    public String describe() {
        String first = command.strip().split("\\s+", 2)[0];
        return "command " + first + (command.strip().equals(first) ? "" : " …");
    }

    @Override
    public Outcome deliver(Alert alert) throws InterruptedException {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<String> line = windows ? List.of("cmd", "/c", command) : List.of("/bin/sh", "-c", command);
        Path output;
        Process process;
        try {
            output = Files.createTempFile("tapewatch-alert", ".out"); // a file: a full pipe never blocks it
            process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            return Outcome.failed("could not start: " + e.getMessage());
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write((AlertJson.text(alert) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it did not read its input (or not all of it): its exit status says whether that matters
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Outcome.failed("did not finish within " + limit.toMillis() + " ms and was stopped");
            }
            if (process.exitValue() != 0) {
                String said = printed(output);
                return Outcome.failed("exited " + process.exitValue() + (said.isEmpty() ? "" : ": " + said));
            }
            return Outcome.DELIVERED;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }

    private static String printed(Path output) {
        try (InputStream in = Files.newInputStream(output)) {
            return new String(in.readNBytes(OUTPUT_KEPT), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
