package dev.tapewatch.bench;

import dev.tapewatch.TempFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The window left alone on its first-run defaults (simulator at 1x, five symbols): its process's CPU use from 20 s
 * to 50 s after start, while the JIT still compiles the window's code (hundreds of methods a second then), and
 * over the minute from 2 to 3 minutes, when it has settled, which the target holds; its resident memory at
 * 3 minutes. Each run is a fresh app process with an empty
 * home folder, so it starts as a new user's would, with the JVM options the image's launcher passes
 * ({@code jvm-options.txt}). Linux only (reads /proc); needs a display.
 */
public final class IdleWindowBench {
    private static final long WARMING_FROM_MILLIS = 20_000;
    private static final long WARMING_MILLIS = 30_000;
    private static final long SETTLED_FROM_MILLIS = 120_000;
    private static final long SETTLED_MILLIS = 60_000;
    /** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    private IdleWindowBench() {
    }

    public static Map<String, Object> run(int runs) throws Exception {
        double[] warming = new double[runs];
        double[] cpu = new double[runs];
        double[] rss = new double[runs];
        for (int run = 0; run < runs; run++) {
            double[] figures = once();
            warming[run] = figures[0];
            cpu[run] = figures[1];
            rss[run] = figures[2];
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("idle_cpu_percent_of_one_core", new Spread(cpu).figures());
        result.put("idle_cpu_percent_20_to_50_s", new Spread(warming).figures());
        result.put("idle_rss_mb", new Spread(rss).figures());
        return result;
    }

    private static double[] once() throws Exception {
        Path home = TempFolders.create("tapewatch-idle");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcherOptions());
        command.addAll(List.of("-Dprism.order=sw", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.tapewatch.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("app.log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("XDG_DATA_HOME");
        Process app = builder.start();
        long start = System.nanoTime();
        try {
            double warmingPercent = cpuPercent(app, home, start, WARMING_FROM_MILLIS, WARMING_MILLIS);
            double settledPercent = cpuPercent(app, home, start, SETTLED_FROM_MILLIS, SETTLED_MILLIS);
            return new double[] {warmingPercent, settledPercent, residentKilobytes(app.pid()) / 1024.0};
        } finally {
            app.toHandle().destroy();
            app.waitFor();
        }
    }

    /** The app's CPU use, % of one core, from {@code fromMillis} after {@code start} for {@code millis}. */
    private static double cpuPercent(Process app, Path home, long start, long fromMillis, long millis)
            throws Exception {
        Thread.sleep(Math.max(0, fromMillis - (System.nanoTime() - start) / 1_000_000));
        requireAlive(app, home);
        long before = cpuTicks(app.pid());
        long from = System.nanoTime();
        Thread.sleep(millis);
        requireAlive(app, home);
        double seconds = (System.nanoTime() - from) / 1e9;
        return (cpuTicks(app.pid()) - before) / TICKS / seconds * 100;
    }

    /** The options scripts/package.sh gives the image's launcher. */
    static List<String> launcherOptions() throws IOException {
        try (var in = IdleWindowBench.class.getResourceAsStream("/dev/tapewatch/jvm-options.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return List.of(text.split("\\s+"));
        }
    }

    private static void requireAlive(Process app, Path home) throws IOException {
        if (!app.isAlive()) {
            throw new IllegalStateException("the window exited early: " + Files.readString(home.resolve("app.log")));
        }
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long residentKilobytes(long pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
        return lines.stream().filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(-1L);
    }
}
