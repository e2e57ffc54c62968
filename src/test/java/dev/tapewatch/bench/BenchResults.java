package dev.tapewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Figures of a benchmark run with the machine they came from, written as JSON. */
public final class BenchResults {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public BenchResults() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_bytes", totalMemory());
        machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        root.put("time", Instant.now().toString());
        root.put("machine", machine);
        root.put("figures", figures);
    }

    public void put(String benchmark, Map<String, Object> values) {
        figures.put(benchmark, values);
    }

    /** Merges into an existing results file, so separate runs (e.g. the chart's own JVM) add up. */
    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> previous = json.readValue(file.toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> previousFigures = (Map<String, Object>) previous.getOrDefault("figures", Map.of());
            previousFigures.forEach(figures::putIfAbsent);
        }
        json.writeValue(file.toFile(), root);
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** Peak resident set size of this process in bytes (Linux), or -1. */
    public static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
