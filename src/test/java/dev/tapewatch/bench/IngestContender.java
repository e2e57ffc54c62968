package dev.tapewatch.bench;

import dev.tapewatch.app.Pipeline;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreLocation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * One recorder against a running firehose, in a JVM of its own:
 * {@code IngestContender tapewatch|sqlite|receive URL BARS DIR}.
 * Times from connecting until all BARS are stored (committed, on disk), then prints
 * {@code RESULT seconds stored received peakRssBytes cpuSeconds allocatedBytes}: the last two are this JVM's CPU
 * time (every thread) and heap allocation over the same span, which a loaded machine does not distort as it does
 * the wall-clock rate.
 */
public final class IngestContender {
    private IngestContender() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[1]);
        long bars = Long.parseLong(args[2]);
        Path dir = IngestBench.freshFolder(Path.of(args[3]), args[0]);
        switch (args[0]) {
            case "tapewatch" -> tapewatch(url, bars, dir);
            case "sqlite" -> sqlite(url, bars, dir);
            default -> receiveOnly(url, bars);
        }
        System.exit(0);
    }

    /** The record command's own path: {@link Pipeline} with the detector, the writer and coverage. */
    private static void tapewatch(URI url, long bars, Path dir) throws Exception {
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE)) {
            Pipeline pipeline = Pipeline.open(store, new FeedSettings(Providers.POLYGON, url, "bench", 30_000,
                    null, false), DetectorSettings.DEFAULT);
            BarWriter writer = pipeline.recorder().writer();
            Usage before = Usage.now();
            long started = System.nanoTime();
            pipeline.start(List.of("*"));
            double seconds = awaitStored(() -> writer.stats().written(), bars, started);
            Usage used = Usage.now().since(before);
            long received = pipeline.feed().stats().bars();
            pipeline.close();
            report(seconds, store.countBars(), received, used);
        }
    }

    private static void sqlite(URI url, long bars, Path dir) throws Exception {
        try (SqliteRecorder recorder = new SqliteRecorder(dir.resolve("bars.sqlite"))) {
            Usage before = Usage.now();
            long started = System.nanoTime();
            recorder.connect(url);
            double seconds = awaitStored(() -> {
                try {
                    return recorder.stored();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, bars, started);
            Usage used = Usage.now().since(before);
            report(seconds, recorder.stored(), recorder.stored(), used);
        }
    }

    /** The ceiling for any recorder on this websocket client: frames received and their bars counted, no more. */
    private static void receiveOnly(URI url, long bars) throws Exception {
        java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        Usage before = Usage.now();
        long started = System.nanoTime();
        jakarta.websocket.Session session = org.glassfish.tyrus.client.ClientManager.createClient().connectToServer(
                new jakarta.websocket.Endpoint() {
                    @Override
                    public void onOpen(jakarta.websocket.Session opened, jakarta.websocket.EndpointConfig config) {
                        opened.addMessageHandler(new jakarta.websocket.MessageHandler.Whole<String>() {
                            @Override
                            public void onMessage(String text) {
                                received.addAndGet(count(text, "\"ev\":\"A\""));
                                if (text.contains("auth_success")) {
                                    opened.getAsyncRemote().sendText("{\"action\":\"subscribe\",\"params\":\"A.*\"}");
                                }
                            }
                        });
                    }
                }, jakarta.websocket.ClientEndpointConfig.Builder.create().build(), URI.create(url + "/stocks"));
        session.getBasicRemote().sendText("{\"action\":\"auth\",\"params\":\"bench\"}");
        double seconds = awaitStored(received::get, bars, started);
        report(seconds, received.get(), received.get(), Usage.now().since(before));
        session.close();
    }

    private static long count(String text, String needle) {
        long found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            found++;
        }
        return found;
    }

    private static double awaitStored(LongSupplier stored, long bars, long started) throws InterruptedException {
        while (stored.getAsLong() < bars) {
            Thread.sleep(1);
            if (System.nanoTime() - started > 600_000_000_000L) {
                throw new IllegalStateException("not all bars stored within 10 minutes: " + stored.getAsLong());
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void report(double seconds, long stored, long received, Usage used) {
        System.out.printf(Locale.ROOT, "RESULT %.6f %d %d %d %.6f %d%n", seconds, stored, received,
                BenchResults.peakRss(), used.cpuNanos() / 1e9, used.allocatedBytes());
        System.err.println("CPU-s by thread: " + used.byThread());
    }

    /**
     * This JVM's CPU time and heap allocated so far, over all its threads (ended ones included), and the CPU time
     * of its live Java threads by name (numbers left out, so a pool's threads count together).
     */
    private record Usage(long cpuNanos, long allocatedBytes, Map<String, Long> threadCpuNanos) {
        static Usage now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            Map<String, Long> byName = new TreeMap<>();
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                long cpu = thread == null ? -1 : threads.getThreadCpuTime(thread.getThreadId());
                if (cpu > 0) {
                    byName.merge(thread.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
                }
            }
            return new Usage(os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes(), byName);
        }

        Usage since(Usage start) {
            Map<String, Long> byName = new TreeMap<>(threadCpuNanos);
            start.threadCpuNanos.forEach((name, cpu) -> byName.merge(name, -cpu, Long::sum));
            return new Usage(cpuNanos - start.cpuNanos, allocatedBytes - start.allocatedBytes, byName);
        }

        /** The busiest threads, and the rest of the process (the JVM's own: compiler, GC) as "jvm". */
        String byThread() {
            long java = threadCpuNanos.values().stream().mapToLong(Long::longValue).sum();
            return threadCpuNanos.entrySet().stream().filter(e -> e.getValue() >= 10_000_000)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e9))
                    .collect(Collectors.joining(", ")) + String.format(Locale.ROOT, ", jvm %.2f",
                    (cpuNanos - java) / 1e9);
        }
    }
}
