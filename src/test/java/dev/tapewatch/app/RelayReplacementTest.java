package dev.tapewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapewatch.JdkPolygonClient;
import dev.tapewatch.TestBars;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay passes on every bar as the recorder receives it, a replacement of an earlier second too. */
class RelayReplacementTest {
    @TempDir
    Path dir;

    @Test
    void aReplacementBarIsRelayedAfterTheBarItReplaces() throws Exception {
        List<Bar> day = TestBars.day("SPY", 3);
        Bar revised = new Bar("SPY", day.get(0).start(), day.get(0).end(), day.get(0).open(), day.get(0).high() + 1,
                day.get(0).low(), day.get(0).close(), day.get(0).volume() + 50, day.get(0).vwap(),
                day.get(0).accumulatedVolume() + 50, day.get(0).dayOpen(), day.get(0).dayVwap(),
                day.get(0).averageTradeSize(), false);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(dir.resolve("db")), BarStore.Mode.CREATE);
             Relay relay = Relay.start(store, 0, "local-k")) {
            JdkPolygonClient client = new JdkPolygonClient();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(relay.server().url() + "/stocks"), client).get(10, TimeUnit.SECONDS);
            assertEquals("connected", client.next().get("status").asText());
            socket.sendText("{\"action\":\"auth\",\"params\":\"local-k\"}", true).get();
            assertEquals("auth_success", client.next().get("status").asText());
            socket.sendText("{\"action\":\"subscribe\",\"params\":\"A.SPY\"}", true).get();
            assertEquals("subscribed to: A.SPY", client.next().get("message").asText());
            relay.bars(day.subList(0, 2));
            relay.bars(List.of(revised));
            relay.bars(day.subList(2, 3));
            List<Bar> received = new ArrayList<>();
            while (received.size() < 4) {
                JsonNode event = client.next();
                received.addAll(PolygonCodec.decode("[" + event + "]").bars());
            }
            assertEquals(List.of(day.get(0), day.get(1), revised, day.get(2)), received);
        }
    }
}
