package dev.tapewatch.serve;

import dev.tapewatch.JdkPolygonClient;
import dev.tapewatch.app.Threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimulatedMarket;
import dev.tapewatch.sim.SimulatorSettings;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator's server, seen by clients that are not ours. */
class MarketServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final long START = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 0));

    /** The simulated market of {@code simulation}, in Polygon's protocol, for any key. */
    private static MarketServer simulator(SimulatorSettings.Builder simulation) throws Exception {
        return MarketServer.simulate(ServerSettings.of(ServerSettings.Protocol.POLYGON), simulation.build(),
                Threads::named);
    }

    /** Connects, authenticates and subscribes to every symbol; {@code reading} false stops reading after that. */
    private static JdkPolygonClient subscribeAll(MarketServer server, boolean reading) throws Exception {
        JdkPolygonClient client = reading ? new JdkPolygonClient() : new StalledClient();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(server.url() + "/stocks"), client).get(10, TimeUnit.SECONDS);
        assertEquals("connected", client.next().get("status").asText());
        socket.sendText("{\"action\":\"auth\",\"params\":\"MY_KEY\"}", true).get();
        assertEquals("auth_success", client.next().get("status").asText());
        socket.sendText("{\"action\":\"subscribe\",\"params\":\"A.*\"}", true).get();
        return client;
    }

    /** Reads the first few frames, then never asks for another: the socket backs up as a hung client's does. */
    private static final class StalledClient extends JdkPolygonClient {
        private int frames;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (last && ++frames > 3) {
                return null;
            }
            return super.onText(socket, data, last);
        }
    }

    @Test
    void clientsSharingSymbolsAllGetEveryBar() throws Exception {
        try (MarketServer server = simulator(SimulatorSettings.builder().start(START).speed(200))) {
            JdkPolygonClient first = subscribeAll(server, true);
            JdkPolygonClient second = subscribeAll(server, true);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            while (a.size() < 3_000 || b.size() < 3_000) {
                if (a.size() < 3_000) {
                    collectBar(first, a);
                }
                if (b.size() < 3_000) {
                    collectBar(second, b);
                }
            }
            // from the first second both saw whole, to the last second both saw whole: the same bars
            long from = Math.max(second(a.get(0)), second(b.get(0))) + 1000;
            long to = Math.min(second(a.get(a.size() - 1)), second(b.get(b.size() - 1)));
            List<String> inA = a.stream().filter(e -> second(e) >= from && second(e) < to).toList();
            List<String> inB = b.stream().filter(e -> second(e) >= from && second(e) < to).toList();
            assertTrue(inA.size() > 1_000, "overlap " + inA.size());
            assertEquals(inA, inB);
        }
    }

    private static void collectBar(JdkPolygonClient client, List<String> into) throws InterruptedException {
        JsonNode event = client.next();
        if (event.get("ev").asText().equals("A")) {
            into.add(event.get("s").asLong() + " " + event.get("sym").asText() + " " + event.get("v").asText());
        }
    }

    private static long second(String event) {
        return Long.parseLong(event.substring(0, event.indexOf(' ')));
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersKeepUp() throws Exception {
        try (MarketServer server = simulator(SimulatorSettings.builder().start(START).speed(0))) {
            subscribeAll(server, false);
            JdkPolygonClient reader = subscribeAll(server, true);
            dev.tapewatch.Await.until(java.time.Duration.ofSeconds(60), "the stalled client dropped",
                    () -> server.connected() == 1, () -> server.connected() + " clients");
            int before = reader.events.size();
            dev.tapewatch.Await.until(java.time.Duration.ofSeconds(30), "the reader still receiving",
                    () -> reader.events.size() > before + 10_000);
        }
    }

    @Test
    void anIndependentPolygonClientAuthenticatesSubscribesAndReceivesAggregates() throws Exception {
        try (MarketServer server = simulator(SimulatorSettings.builder().start(START).speed(10))) {
            JdkPolygonClient client = new JdkPolygonClient();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.url() + "/stocks"), client).get(10, TimeUnit.SECONDS);
            JsonNode connected = client.next();
            assertEquals("status", connected.get("ev").asText());
            assertEquals("connected", connected.get("status").asText());
            socket.sendText("{\"action\":\"auth\",\"params\":\"MY_KEY\"}", true).get();
            assertEquals("auth_success", client.next().get("status").asText());
            socket.sendText("{\"action\":\"subscribe\",\"params\":\"A.SPY,A.AAPL\"}", true).get();
            assertEquals("subscribed to: A.SPY", client.next().get("message").asText());
            assertEquals("subscribed to: A.AAPL", client.next().get("message").asText());
            List<JsonNode> aggregates = new ArrayList<>();
            while (aggregates.size() < 20) {
                JsonNode event = client.next();
                assertEquals("A", event.get("ev").asText(), event.toString());
                aggregates.add(event);
            }
            for (JsonNode event : aggregates) {
                assertTrue(List.of("SPY", "AAPL").contains(event.get("sym").asText()));
                assertEquals(1000, event.get("e").asLong() - event.get("s").asLong());
                assertTrue(event.get("s").asLong() >= START);
                for (String field : List.of("v", "av", "op", "vw", "o", "c", "h", "l", "a", "z")) {
                    assertTrue(event.get(field).isNumber(), field + " in " + event);
                }
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
        }
    }

    @Test
    void authSentBeforeConnectedArrivesIsAcceptedAndBadKeysAreRefused() throws Exception {
        try (MarketServer server = MarketServer.simulate(new ServerSettings(0, "secret",
                ServerSettings.Protocol.POLYGON),
                SimulatorSettings.builder().start(START).build(), Threads::named)) {
            JdkPolygonClient eager = new JdkPolygonClient();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.url() + "/stocks"), eager).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"action\":\"auth\",\"params\":\"secret\"}", true).get();
            assertEquals("connected", eager.next().get("status").asText());
            assertEquals("auth_success", eager.next().get("status").asText());

            JdkPolygonClient wrong = new JdkPolygonClient();
            WebSocket other = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.url() + "/stocks"), wrong).get(10, TimeUnit.SECONDS);
            assertEquals("connected", wrong.next().get("status").asText());
            other.sendText("{\"action\":\"auth\",\"params\":\"guess\"}", true).get();
            assertEquals("auth_failed", wrong.next().get("status").asText());
        }
    }

    @Test
    void restAggregatesArePagedWithNextUrl() throws Exception {
        try (MarketServer server = simulator(SimulatorSettings.builder().start(START))) {
            long from = ExchangeTime.toEpochMillis(DAY, LocalTime.of(9, 30));
            long to = ExchangeTime.toEpochMillis(DAY, LocalTime.of(9, 40));
            List<Bar> expected = new SimulatedMarket(1).day("SPY", DAY).bars(from, to);
            HttpClient http = HttpClient.newHttpClient();
            String url = server.restUrl() + "/v2/aggs/ticker/SPY/range/1/second/" + from + "/" + to + "?limit=250";
            List<JsonNode> results = new ArrayList<>();
            int pages = 0;
            while (url != null) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "&apiKey=k")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                JsonNode body = JSON.readTree(response.body());
                assertEquals("OK", body.get("status").asText());
                body.get("results").forEach(results::add);
                url = body.has("next_url") ? body.get("next_url").asText() : null;
                pages++;
            }
            assertEquals(expected.size(), results.size());
            assertEquals((expected.size() + 249) / 250, pages);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).start(), results.get(i).get("t").asLong());
                assertEquals(expected.get(i).close(), results.get(i).get("c").asDouble());
                assertEquals(expected.get(i).volume(), results.get(i).get("v").asDouble());
            }
            HttpResponse<String> unauthorized = http.send(HttpRequest.newBuilder(URI.create(server.restUrl()
                    + "/v2/aggs/ticker/SPY/range/1/second/" + from + "/" + to)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unauthorized.statusCode());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (MarketServer server = simulator(SimulatorSettings.builder().start(START))) {
            int port = server.port();
            List<String> listeners = listeningAddresses(port);
            assertFalse(listeners.isEmpty(), "no listener found for port " + port);
            for (String address : listeners) {
                assertTrue(address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"),
                        "listening beyond loopback: " + address);
            }
            for (InetAddress address : Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList()) {
                try (Socket socket = new Socket()) {
                    assertThrows(ConnectException.class,
                            () -> socket.connect(new InetSocketAddress(address, port), 2000), address.toString());
                }
            }
        }
    }

    /** Local addresses (hex, as the kernel prints them) of sockets listening on the port. */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format("%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                if (local[1].equals(hexPort) && columns[3].equals("0A")) {
                    addresses.add(local[0]);
                }
            }
        }
        assertNull(addresses.isEmpty() && !Files.exists(Path.of("/proc/net/tcp")) ? "no /proc" : null,
                "this check reads /proc/net (Linux)");
        return addresses;
    }
}
