package dev.tapewatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Polygon client on the JDK's own websocket, independent of Tyrus: every event it receives, in order. */
public class JdkPolygonClient implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JSON.readTree(partial.toString()).forEach(events::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    /** The next event, waiting up to 20 s. */
    public JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(20, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within 20 s");
        }
        return event;
    }
}
