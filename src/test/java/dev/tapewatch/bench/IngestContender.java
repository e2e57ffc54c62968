package dev.tapewatch.bench;

import dev.tapewatch.app.FeedSettings;
import dev.tapewatch.app.Pipeline;
import dev.tapewatch.app.Provider;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreLocation;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

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
            Pipeline pipeline = Pipeline.open(store, new FeedSettings(Provider.POLYGON, url, "bench", 30_000,
                    null, null, false), DetectorSettings.DEFAULT);
            BarWriter writer = pipeline.recorder().writer();
            Usage before = Usage.now();
            long started = System.nanoTime();
            pipeline.start(List.of("*"));
            double seconds = awaitStored(writer::written, bars, started);
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
    }

    /** This JVM's CPU time and heap allocated so far, over all its threads (ended ones included). */
    private record Usage(long cpuNanos, long allocatedBytes) {
        static Usage now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            return new Usage(os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes());
        }

        Usage since(Usage start) {
            return new Usage(cpuNanos - start.cpuNanos, allocatedBytes - start.allocatedBytes);
        }
    }
}
