package dev.tapewatch.bench;

import dev.tapewatch.TempFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The market server's memory with 200 clients: {@code simulate} in a process of its own (the open of 2024-01-02 at
 * speed 10, every symbol), then 190 clients reading everything and 10 that stop reading after their first frame. Resident memory (from
 * /proc, Linux) before, at its highest in each half of their 40 s (bounded: the second half no higher than the
 * first), and after they left; and how much the slowest and the median reader got.
 */
public final class ClientsBench {
    private static final int CLIENTS = 200;
    private static final int STALLED = 10;
    private static final long CONNECTED_MILLIS = 40_000;
    private static final Pattern URL = Pattern.compile("(ws://127\\.0\\.0\\.1:\\d+/stocks)");

    private ClientsBench() {
    }

    public static Map<String, Object> run(int runs) throws Exception {
        String[] names = {"rss_before_mb", "rss_highest_first_20s_connected_mb", "rss_highest_next_20s_connected_mb",
            "rss_10s_after_clients_left_mb", "slowest_reader_mb_received", "median_reader_mb_received"};
        double[][] figures = new double[names.length][runs];
        for (int run = 0; run < runs; run++) {
            double[] once = once();
            for (int i = 0; i < names.length; i++) {
                figures[i][run] = once[i];
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", CLIENTS);
        result.put("stalled_clients", STALLED);
        for (int i = 0; i < names.length; i++) {
            result.put(names[i], new Spread(figures[i]).figures());
        }
        return result;
    }

    private static double[] once() throws Exception {
        Path home = TempFolders.create("tapewatch-clients");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "dev.tapewatch.Main", "simulate",
                "--port", "0", "--speed", "10", "--start", "2024-01-02T09:30", "--key", "bench").redirectError(home.resolve("server.log").toFile());
        builder.environment().put("HOME", home.toString());
        Process server = builder.start();
        List<WebSocket> sockets = new ArrayList<>();
        try {
            URI url = serverUrl(server);
            Thread.sleep(5_000);
            double before = rssMegabytes(server.pid());
            HttpClient http = dev.tapewatch.feed.HttpClients.newClient();
            List<Reader> readers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Reader reader = new Reader(i < STALLED);
                WebSocket socket = http.newWebSocketBuilder().buildAsync(url, reader).get(10, TimeUnit.SECONDS);
                socket.sendText("{\"action\":\"auth\",\"params\":\"bench\"}", true).get(10, TimeUnit.SECONDS);
                socket.sendText("{\"action\":\"subscribe\",\"params\":\"A.*\"}", true).get(10, TimeUnit.SECONDS);
                sockets.add(socket);
                if (!reader.stalled) {
                    readers.add(reader);
                }
            }
            double firstHalf = 0;
            double secondHalf = 0;
            long started = System.currentTimeMillis();
            while (System.currentTimeMillis() < started + CONNECTED_MILLIS) {
                Thread.sleep(1_000);
                double rss = rssMegabytes(server.pid());
                if (System.currentTimeMillis() < started + CONNECTED_MILLIS / 2) {
                    firstHalf = Math.max(firstHalf, rss);
                } else {
                    secondHalf = Math.max(secondHalf, rss);
                }
            }
            long[] read = readers.stream().mapToLong(reader -> reader.characters.get()).sorted().toArray();
            for (WebSocket socket : sockets) {
                socket.abort();
            }
            sockets.clear();
            Thread.sleep(10_000);
            return new double[] {before, firstHalf, secondHalf, rssMegabytes(server.pid()), read[0] / 1e6,
                read[read.length / 2] / 1e6};
        } finally {
            sockets.forEach(WebSocket::abort);
            server.destroy();
            server.waitFor();
        }
    }

    private static URI serverUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe open and empty
                        }
                    } catch (IOException e) {
                        // the server is gone
                    }
                }, "simulate-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(matcher.group(1));
            }
        }
        throw new IllegalStateException("simulate did not print its address");
    }

    private static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** Counts what it reads; a stalled one asks for its first message only, then reads no more. */
    private static final class Reader implements WebSocket.Listener {
        final boolean stalled;
        final AtomicLong characters = new AtomicLong();

        Reader(boolean stalled) {
            this.stalled = stalled;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            characters.addAndGet(data.length());
            if (!stalled) {
                socket.request(1);
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
