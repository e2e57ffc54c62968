package dev.tapewatch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import org.msgpack.jackson.dataformat.MessagePackExtensionType;
import org.msgpack.jackson.dataformat.MessagePackFactory;
import org.msgpack.jackson.dataformat.TimestampExtensionModule;

/**
 * Alpaca's market data in msgpack, what its SDKs ask for ({@code Content-Type: application/msgpack} on the upgrade):
 * the same arrays of maps as the JSON frames, with each time {@code t} a msgpack timestamp extension (type -1), not
 * text. Frames go both ways through Jackson trees, so one dialect reads and writes both encodings.
 */
public final class AlpacaMsgpack {
    /** The upgrade header value by which a client asks for msgpack. */
    public static final String CONTENT_TYPE = "application/msgpack";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper MSGPACK = new ObjectMapper(new MessagePackFactory())
            .registerModule(TimestampExtensionModule.INSTANCE);

    private AlpacaMsgpack() {
    }

    /** A JSON frame in msgpack: every text field {@code t} that is an RFC 3339 time becomes a timestamp. */
    public static byte[] encode(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            timesToTimestamps(tree);
            return MSGPACK.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON frame: " + e.getMessage(), e);
        }
    }

    /** A msgpack frame as the tree its JSON would read into: timestamps become RFC 3339 text. */
    public static JsonNode decode(ByteBuffer frame) throws IOException {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return decode(bytes);
    }

    public static JsonNode decode(byte[] frame) throws IOException {
        return timestampsToText(MSGPACK.readTree(frame));
    }

    private static void timesToTimestamps(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode time = object.get("t");
            if (time != null && time.isTextual()) {
                try {
                    object.set("t", new POJONode(Instant.parse(time.asText())));
                } catch (DateTimeParseException e) {
                    // not a time: sent as it is
                }
            }
            object.elements().forEachRemaining(AlpacaMsgpack::timesToTimestamps);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(AlpacaMsgpack::timesToTimestamps);
        }
    }

    private static JsonNode timestampsToText(JsonNode node) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof MessagePackExtensionType extension
                && extension.getType() == TimestampExtensionModule.EXT_TYPE) {
            return JsonNodeFactory.instance.textNode(instant(extension.getData()).toString());
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(timestampsToText(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, timestampsToText(array.get(i)));
            }
        }
        return node;
    }

    /** msgpack's timestamp: 32 bits of seconds; 30 of nanoseconds and 34 of seconds; or 32 and 64. */
    static Instant instant(byte[] data) {
        ByteBuffer bytes = ByteBuffer.wrap(data);
        return switch (data.length) {
            case 4 -> Instant.ofEpochSecond(Integer.toUnsignedLong(bytes.getInt()));
            case 8 -> {
                long both = bytes.getLong();
                yield Instant.ofEpochSecond(both & 0x3_ffff_ffffL, both >>> 34);
            }
            case 12 -> {
                long nanos = Integer.toUnsignedLong(bytes.getInt());
                yield Instant.ofEpochSecond(bytes.getLong(), nanos);
            }
            default -> throw new IllegalArgumentException("a msgpack timestamp has 4, 8 or 12 bytes, not "
                    + data.length);
        };
    }
}
