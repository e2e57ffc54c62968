package dev.tapewatch.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.app.Threads;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.sim.SimulatorSettings;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.MapValue;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

/**
 * The Alpaca dialect as Alpaca's SDKs see it: asked with {@code Content-Type: application/msgpack}, every frame is
 * binary msgpack (read here with msgpack-core, not our codec) and each trade's time a timestamp extension (type -1);
 * a client that does not ask gets JSON text.
 */
class AlpacaMsgpackTest {
    private static final long START = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(10, 0));

    private static final class Frames implements WebSocket.Listener {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(binary.toByteArray());
                binary.reset();
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        Object next() throws InterruptedException {
            Object frame = received.poll(20, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 20 s");
            }
            return frame;
        }

        Value nextMsgpack() throws Exception {
            Object frame = next();
            assertTrue(frame instanceof byte[], "a binary frame, not " + frame);
            try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker((byte[]) frame)) {
                return unpacker.unpackValue();
            }
        }
    }

    private static byte[] pack(Value value) throws Exception {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packValue(value);
            return packer.toByteArray();
        }
    }

    private static String field(Value message, String name) {
        Value value = message.asMapValue().map().get(ValueFactory.newString(name));
        return value == null ? null : value.isStringValue() ? value.asStringValue().asString() : value.toJson();
    }

    @Test
    void aClientThatAsksForMsgpackGetsBinaryFramesWithTimestampExtensions() throws Exception {
        try (MarketServer server = MarketServer.simulate(ServerSettings.of(ServerSettings.Protocol.ALPACA),
                SimulatorSettings.builder().start(START).speed(50).build(), Threads::named)) {
            Frames frames = new Frames();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Content-Type", "application/msgpack")
                    .buildAsync(URI.create(server.url() + "/v2/iex"), frames).get(10, TimeUnit.SECONDS);
            Value connected = frames.nextMsgpack().asArrayValue().get(0);
            assertEquals("success", field(connected, "T"));
            assertEquals("connected", field(connected, "msg"));
            socket.sendBinary(ByteBuffer.wrap(pack(ValueFactory.newMap(ValueFactory.newString("action"),
                    ValueFactory.newString("auth"), ValueFactory.newString("key"), ValueFactory.newString("id"),
                    ValueFactory.newString("secret"), ValueFactory.newString("s")))), true).get();
            assertEquals("authenticated", field(frames.nextMsgpack().asArrayValue().get(0), "msg"));
            socket.sendBinary(ByteBuffer.wrap(pack(ValueFactory.newMap(ValueFactory.newString("action"),
                    ValueFactory.newString("subscribe"), ValueFactory.newString("trades"), ValueFactory.newArray(
                            ValueFactory.newString("SPY"), ValueFactory.newString("AAPL"))))), true).get();
            Value subscription = frames.nextMsgpack().asArrayValue().get(0);
            assertEquals("subscription", field(subscription, "T"));
            assertEquals("[\"AAPL\",\"SPY\"]", field(subscription, "trades"));
            Set<String> symbols = new HashSet<>();
            while (symbols.size() < 2) {
                for (Value message : frames.nextMsgpack().asArrayValue()) {
                    MapValue trade = message.asMapValue();
                    assertEquals("t", field(trade, "T"));
                    symbols.add(field(trade, "S"));
                    Value time = trade.map().get(ValueFactory.newString("t"));
                    assertTrue(time.isExtensionValue(), "t is an extension: " + time);
                    ExtensionValue extension = time.asExtensionValue();
                    assertEquals(-1, extension.getType());
                    Instant at = time.asTimestampValue().toInstant();
                    assertTrue(at.toEpochMilli() >= START && at.toEpochMilli() < START + 86_400_000L, at.toString());
                }
            }
            assertEquals(Set.of("SPY", "AAPL"), symbols);
            socket.abort();
        }
    }

    @Test
    void everyFormOfMsgpacksTimestampReadsAsTheSameInstant() throws Exception {
        // 4 bytes (whole seconds), 8 (nanoseconds, seconds to 2514), 12 (the rest, before 1970 too)
        for (Instant at : List.of(Instant.parse("2024-01-02T15:00:00Z"), Instant.parse("2024-01-02T15:00:00.123456789Z"),
                Instant.parse("2600-01-01T00:00:00.5Z"), Instant.parse("1969-12-31T23:59:59.25Z"))) {
            byte[] frame;
            try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
                packer.packArrayHeader(1).packMapHeader(2).packString("T").packString("t").packString("t")
                        .packTimestamp(at);
                frame = packer.toByteArray();
            }
            assertEquals(at.toString(), dev.tapewatch.feed.AlpacaMsgpack.decode(frame).get(0).get("t").asText());
            byte[] again = dev.tapewatch.feed.AlpacaMsgpack.encode("[{\"T\":\"t\",\"t\":\"" + at + "\"}]");
            assertEquals(at.toString(), dev.tapewatch.feed.AlpacaMsgpack.decode(again).get(0).get("t").asText());
        }
    }

    @Test
    void aClientThatDoesNotAskGetsJsonText() throws Exception {
        try (MarketServer server = MarketServer.simulate(ServerSettings.of(ServerSettings.Protocol.ALPACA),
                SimulatorSettings.builder().start(START).build(), Threads::named)) {
            Frames frames = new Frames();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.url() + "/v2/iex"), frames).get(10, TimeUnit.SECONDS);
            assertEquals("[{\"T\":\"success\",\"msg\":\"connected\"}]", frames.next());
            socket.abort();
        }
    }
}
