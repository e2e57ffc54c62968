package dev.tapewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.Await;
import dev.tapewatch.LogCapture;
import dev.tapewatch.market.Spike;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T = 1_704_207_600_000L; // 2024-01-02 10:00 ET
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    static Alert alert(String symbol, int n) {
        return new Alert(T + n * 1_000L, symbol, Alert.Kind.SPIKE, "volume spike", 42.5, T + n * 1_000L - 2_000,
                100, 101.5, 99.9, 101.6, 25_000, 3e6, 12.0, Double.NaN, Spike.Kind.VOLUME);
    }

    @Test
    void aWebhookGetsEveryAlertInOrderThroughFailuresAndItsSecretIsNeverLogged() throws Exception {
        try (HookReceiver receiver = new HookReceiver(3); LogCapture logs = new LogCapture()) {
            URI url = URI.create(receiver.url("/hook/s3cr3tpath?token=t0ken-xyz"));
            AlertDelivery delivery = new AlertDelivery(List.of(new Webhook(url, BodyTemplate.json())),
                    a -> a.withRelativeVolume(1.5), Executors.defaultThreadFactory());
            for (int i = 0; i < 5; i++) {
                assertTrue(delivery.offer(alert("SPY", i)));
            }
            Await.until(WAIT, "five posts", () -> receiver.posts().size() == 5);
            delivery.close();
            List<HookReceiver.Post> posts = receiver.posts();
            assertEquals(8, receiver.tries(), "three 500s, then five posts");
            for (int i = 0; i < 5; i++) {
                JsonNode body = JSON.readTree(posts.get(i).body());
                assertEquals(T + i * 1_000L, body.get("time_ms").asLong(), "in order");
                assertEquals("/hook/s3cr3tpath?token=t0ken-xyz", posts.get(i).target());
                assertEquals("application/json", posts.get(i).contentType());
            }
            JsonNode first = JSON.readTree(posts.get(0).body());
            assertEquals("SPY", first.get("symbol").asText());
            assertEquals("spike", first.get("kind").asText());
            assertEquals("volume", first.get("spike_kind").asText());
            assertEquals("up", first.get("direction").asText());
            assertEquals(42.5, first.get("score").asDouble());
            assertEquals(101.5, first.get("price").asDouble());
            assertEquals(1.5, first.get("change_pct").asDouble());
            assertEquals(25_000, first.get("volume").asDouble());
            assertEquals(1.5, first.get("relative_volume").asDouble(), "completed on the delivery thread");
            assertEquals(T - 2_000, first.get("start_ms").asLong());
            assertEquals("2024-01-02T10:00:00-05:00", first.get("time").asText());
            assertEquals(alert("SPY", 0).withRelativeVolume(1.5).text(), first.get("message").asText());
            assertEquals(5, delivery.delivered());
            assertEquals(0, delivery.failed());
            String logged = String.join("\n", logs.lines());
            assertEquals(3, logs.lines().stream().filter(l -> l.contains("answered HTTP 500")).count(), logged);
            assertTrue(logged.contains("webhook http://127.0.0.1:" + url.getPort() + "/…"), logged);
            assertFalse(logged.contains("t0ken") || logged.contains("s3cr3t"), logged);
        }
    }

    @Test
    void aReceiverThatIsDownIsTriedAgainUntilItIsUp() throws Exception {
        int port;
        try (HookReceiver gone = new HookReceiver(0)) {
            port = URI.create(gone.url("/")).getPort();
        }
        try (LogCapture logs = new LogCapture()) {
            AlertDelivery delivery = new AlertDelivery(List.of(new Webhook(URI.create("http://127.0.0.1:" + port
                    + "/x?token=abc123"), BodyTemplate.json())), a -> a, Executors.defaultThreadFactory());
            delivery.offer(alert("SPY", 0));
            Await.until(WAIT, "two failed tries", () -> logs.lines().stream()
                    .filter(l -> l.contains("unreachable")).count() >= 2);
            delivery.close(Duration.ofMillis(200));
            assertEquals(1, delivery.failed());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("giving up")), String.join("\n", logs.lines()));
            assertFalse(String.join("\n", logs.lines()).contains("abc123"));
        }
    }

    @Test
    void presetsAndTemplatesShapeTheBody() throws Exception {
        Alert alert = alert("SPY", 0);
        assertEquals("{\"content\":\"" + alert.text() + "\"}", BodyTemplate.parse("discord").body(alert));
        assertEquals(alert.text(), JSON.readTree(BodyTemplate.parse("slack").body(alert)).get("text").asText());
        assertEquals(alert.text(), BodyTemplate.parse("ntfy").body(alert));
        assertEquals("text/plain; charset=utf-8", BodyTemplate.parse("ntfy").contentType());
        assertEquals("SPY at 101.5: \"up\"", BodyTemplate.parse("{{symbol}} at {{price}}: \"{{direction}}\"")
                .body(alert));
        assertEquals("{\"t\":\"SPY \\\"q\\\"\"}", BodyTemplate.parse("{\"t\":\"{{symbol}} {{what}}\"}")
                .body(new Alert(T, "SPY", Alert.Kind.SPIKE, "\"q\"", 0, T, 1, 1, 1, 1, 0, 0, Double.NaN, Double.NaN,
                        null)), "JSON templates get JSON-escaped values");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BodyTemplate.parse("{{sym}}"));
        assertTrue(unknown.getMessage().contains("unknown placeholder {{sym}}"), unknown.getMessage());
        assertEquals("https://discord.com/…", Webhook.shown(URI.create("https://discord.com/api/webhooks/1/abc")));
        assertEquals("http://127.0.0.1:80", Webhook.shown(URI.create("http://127.0.0.1:80")));
    }

    @Test
    void aCommandReadsTheAlertOnItsInputWithinItsTimeLimit() throws Exception {
        Path got = dir.resolve("got.jsonl");
        try (LogCapture logs = new LogCapture()) {
            AlertDelivery delivery = new AlertDelivery(List.of(new AlertCommand("cat >> '" + got + "'",
                    Duration.ofSeconds(10))), a -> a, Executors.defaultThreadFactory());
            delivery.offer(alert("SPY", 0));
            delivery.offer(alert("AAPL", 1));
            Await.until(WAIT, "two runs", () -> delivery.delivered() == 2);
            delivery.close();
            List<String> lines = Files.readAllLines(got);
            assertEquals(2, lines.size());
            assertEquals("SPY", JSON.readTree(lines.get(0)).get("symbol").asText());
            assertEquals("AAPL", JSON.readTree(lines.get(1)).get("symbol").asText());

            AlertDelivery slow = new AlertDelivery(List.of(new AlertCommand("sleep 30", Duration.ofMillis(300)),
                    new AlertCommand("echo broken; exit 3", Duration.ofSeconds(5))), a -> a,
                    Executors.defaultThreadFactory());
            slow.offer(alert("SPY", 0));
            Await.until(WAIT, "the run given up", () -> slow.failed() == 1);
            slow.close();
            String logged = String.join("\n", logs.lines());
            assertTrue(logged.contains("not delivered to command sleep …: did not finish within 300 ms"), logged);
            assertTrue(logged.contains("not delivered to command echo …: exited 3: broken"), logged);
        }
    }
}
