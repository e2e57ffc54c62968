package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.Await;
import dev.tapewatch.ChildJvm;
import dev.tapewatch.JdkPolygonClient;
import dev.tapewatch.PacedPolygonServer;
import dev.tapewatch.SpikeTape;
import dev.tapewatch.TestBars;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #26: clients of {@code record --serve} that subscribe to our events get every spike the recorder detected, with
 * the values it stored, and its alerts; a plain Polygon client on the same relay sees nothing new; README's
 * Python example, run as it is written there, prints each spike.
 */
class RelayEventsTest {
    private static final List<String> SYMBOLS = List.of("SPY", "AAPL", "MSFT");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void subscribersGetTheRecordersSpikesAndPlainClientsNothingNew() throws Exception {
        SpikeTape tape = new SpikeTape(TestBars.at(10, 0, 0), SYMBOLS, 110, List.of(
                new SpikeTape.Injected("SPY", 70, 30, 0.01),
                new SpikeTape.Injected("AAPL", 80, 8, 1.5),
                new SpikeTape.Injected("MSFT", 90, 25, -1.0)), 11);
        Path db = home.resolve("db");
        try (PacedPolygonServer upstream = PacedPolygonServer.held(tape.seconds(), 40);
             ChildJvm recorder = ChildJvm.start(home, List.of(), "record", "--provider", "polygon", "--url",
                     upstream.url(), "--key", "k", "--all", "--no-backfill", "--serve", "0", "--serve-key", "local-k",
                     "--duration", "60s", "--db", db.toString())) {
            String line = recorder.awaitLine(WAIT, "the relay's address", l -> l.startsWith("Sharing the stream"));
            Matcher matcher = Pattern.compile("(ws://127\\.0\\.0\\.1:\\d+)/stocks").matcher(line);
            assertTrue(matcher.find(), line);
            URI stocks = URI.create(matcher.group(1) + "/stocks");

            JdkPolygonClient events = connect(stocks, "SPIKE.*,ALERT.*");
            JdkPolygonClient plain = connect(stocks, "A.*");
            Process python = readmeExample(stocks);
            List<String> printed = new CopyOnWriteArrayList<>();
            Thread reader = lines(python, printed);
            Await.until(WAIT, "the Python client subscribed", () -> printed.contains("(subscribed)"));
            upstream.play();

            List<JsonNode> spikes = new ArrayList<>();
            List<JsonNode> alerts = new ArrayList<>();
            while (spikes.size() < SYMBOLS.size() || alerts.size() < SYMBOLS.size()) {
                JsonNode event = events.next();
                String type = event.get("ev").asText();
                assertTrue(type.equals("SPIKE") || type.equals("ALERT"), "only what it asked for: " + event);
                (type.equals("SPIKE") ? spikes : alerts).add(event);
            }
            Await.until(WAIT, "the example's spikes", () -> printed.stream().filter(l -> !l.startsWith("("))
                    .count() >= SYMBOLS.size(), printed::toString);
            List<String> example = printed.stream().filter(l -> !l.startsWith("(")).toList(); // before it loses the relay
            recorder.terminate();
            assertEquals(0, recorder.awaitExit(WAIT), recorder.err());
            python.destroy();
            reader.join(5_000);

            List<Spike> stored = new ArrayList<>();
            try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
                for (String symbol : SYMBOLS) {
                    stored.addAll(store.spikes(symbol, tape.start(), tape.start() + 3_600_000));
                }
            }
            stored.sort(Comparator.comparingLong(Spike::peakTime));
            assertEquals(SYMBOLS, stored.stream().map(Spike::symbol).toList(), "one spike per injected event");
            List<String> expectedLines = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                Spike spike = stored.get(i);
                JsonNode event = spikes.get(i);
                assertEquals(spike.symbol(), event.get("sym").asText());
                assertEquals(spike.kind().name().toLowerCase(), event.get("kind").asText());
                assertEquals(spike.start(), event.get("s").asLong());
                assertEquals(spike.end(), event.get("e").asLong());
                assertEquals(spike.peakTime(), event.get("peak").asLong());
                assertEquals(spike.peakScore(), event.get("score").asDouble(), 0.0, "the recorder's own score");
                assertEquals(spike.volumeMultiple(), event.get("multiple").asDouble(), 0.0);
                assertEquals(spike.symbol(), alerts.get(i).get("symbol").asText());
                assertEquals(spike.peakTime(), alerts.get(i).get("time_ms").asLong());
                expectedLines.add(spike.symbol() + " " + event.get("kind").asText() + " " + spike.peakTime() + " "
                        + event.get("score").asText());
            }
            assertEquals(expectedLines, example, "README's example printed each spike");

            Set<String> plainTypes = new TreeSet<>();
            JsonNode event;
            while ((event = plain.events.poll(0, TimeUnit.SECONDS)) != null) {
                plainTypes.add(event.get("ev").asText());
            }
            assertEquals(Set.of("A"), plainTypes, "after its statuses, a plain Polygon client sees bars only");
        }
    }

    private static JdkPolygonClient connect(URI stocks, String params) throws Exception {
        JdkPolygonClient client = new JdkPolygonClient();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(stocks, client)
                .get(10, TimeUnit.SECONDS);
        assertEquals("connected", client.next().get("status").asText());
        socket.sendText("{\"action\":\"auth\",\"params\":\"local-k\"}", true).get();
        assertEquals("auth_success", client.next().get("status").asText());
        socket.sendText("{\"action\":\"subscribe\",\"params\":\"" + params + "\"}", true).get();
        for (String ignored : params.split(",")) {
            assertEquals("success", client.next().get("status").asText());
        }
        return client;
    }

    /**
     * README's spike example, extracted from README.md as written, run with Debian's python3 and websocket client.
     * A sitecustomize beside it only says "(subscribed)" once the example has sent its subscription.
     */
    private Process readmeExample(URI stocks) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("This prints each spike[^\\n]*\\n```python\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README's spike example");
        Path script = home.resolve("spikes.py");
        Files.writeString(script, block.group(1));
        Path hooks = Files.createDirectories(home.resolve("pyhooks"));
        Files.writeString(hooks.resolve("sitecustomize.py"), String.join("\n",
                "import sys, websocket",
                "_send = websocket.WebSocket.send",
                "def send(self, payload, *args, **kwargs):",
                "    result = _send(self, payload, *args, **kwargs)",
                "    if '\"subscribe\"' in payload:",
                "        print('(subscribed)', flush=True)",
                "    return result",
                "websocket.WebSocket.send = send", ""));
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), stocks.toString(), "local-k")
                .redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", hooks.toString());
        return builder.start();
    }

    private static Thread lines(Process process, List<String> into) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    into.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }, "python-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
