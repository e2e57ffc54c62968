package dev.tapewatch.bench;

import dev.tapewatch.app.Pipeline;
import dev.tapewatch.app.Providers;
import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.BarWriter;
import dev.tapewatch.store.StoreLocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One recorder against a running firehose, in a JVM of its own:
 * {@code IngestContender tapewatch|sqlite|receive URL BARS DIR}.
 * Times from connecting until all BARS are stored (committed, on disk), then prints
 * {@code RESULT seconds stored received peakRssBytes}.
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
            long started = System.nanoTime();
            pipeline.start(List.of("*"));
            double seconds = awaitStored(() -> writer.stats().written(), bars, started);
            long received = pipeline.feed().stats().bars();
            pipeline.close();
            report(seconds, store.countBars(), received);
        }
    }

    private static void sqlite(URI url, long bars, Path dir) throws Exception {
        try (SqliteRecorder recorder = new SqliteRecorder(dir.resolve("bars.sqlite"))) {
            long started = System.nanoTime();
            recorder.connect(url);
            double seconds = awaitStored(() -> {
                try {
                    return recorder.stored();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, bars, started);
            report(seconds, recorder.stored(), recorder.stored());
        }
    }

    /** The ceiling for any recorder on this websocket client: frames received and their bars counted, no more. */
    private static void receiveOnly(URI url, long bars) throws Exception {
        java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
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
        report(seconds, received.get(), received.get());
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

    private static void report(double seconds, long stored, long received) {
        System.out.printf(Locale.ROOT, "RESULT %.6f %d %d %d%n", seconds, stored, received, BenchResults.peakRss());
    }
}
