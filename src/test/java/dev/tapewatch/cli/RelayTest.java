package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.Await;
import dev.tapewatch.JdkPolygonClient;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record --serve: a local client with the key gets the bars the recorder stores, as they arrive; others get nothing. */
class RelayTest {
    @TempDir
    Path dir;

    @Test
    void aLocalClientWithTheKeyGetsWhatTheRecorderStores() throws Exception {
        Path db = dir.resolve("db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> record = CompletableFuture.supplyAsync(() -> Cli.run(new String[] {"record",
                "--provider", "simulator", "--speed", "5", "--start", "2024-01-02T10:00", "--symbols", "SPY,AAPL",
                "--no-backfill", "--serve", "0", "--serve-key", "local-k", "--duration", "12s", "--db", db.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true)));
        Pattern sharing = Pattern.compile("Sharing the stream on (ws://127\\.0\\.0\\.1:\\d+)/stocks");
        Await.until(Duration.ofSeconds(30), "the relay's address", () -> sharing.matcher(out.toString()).find(),
                () -> out + " " + err);
        Matcher matcher = sharing.matcher(out.toString());
        assertTrue(matcher.find());
        assertTrue(out.toString().contains("with key from --serve-key"), out.toString());
        assertTrue(!out.toString().contains("local-k"), "the key given is not echoed");
        URI stocks = URI.create(matcher.group(1) + "/stocks");

        Connected stranger = connect(stocks);
        stranger.socket.sendText("{\"action\":\"auth\",\"params\":\"guess\"}", true).get();
        assertEquals("auth_failed", stranger.client.next().get("status").asText());

        Connected local = connect(stocks);
        local.socket.sendText("{\"action\":\"auth\",\"params\":\"local-k\"}", true).get();
        assertEquals("auth_success", local.client.next().get("status").asText());
        local.socket.sendText("{\"action\":\"subscribe\",\"params\":\"A.SPY\"}", true).get();
        List<Bar> received = new ArrayList<>();
        while (received.size() < 20) {
            JsonNode event = local.client.next();
            if (event.get("ev").asText().equals("A")) {
                received.addAll(PolygonCodec.decode("[" + event + "]").bars());
            }
        }
        assertEquals(0, (int) record.get(60, TimeUnit.SECONDS), err.toString());
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            for (Bar bar : received) {
                assertEquals("SPY", bar.symbol());
                assertEquals(List.of(bar), store.bars("SPY", bar.start(), bar.end()), "relayed = stored");
            }
        }
    }

    private record Connected(WebSocket socket, JdkPolygonClient client) {
    }

    private static Connected connect(URI stocks) throws Exception {
        JdkPolygonClient client = new JdkPolygonClient();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(stocks, client)
                .get(10, TimeUnit.SECONDS);
        assertEquals("connected", client.next().get("status").asText());
        return new Connected(socket, client);
    }
}
