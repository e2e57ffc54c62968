package dev.tapewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.feed.AlpacaCodec;
import dev.tapewatch.feed.AlpacaMsgpack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Should our Alpaca client ask for msgpack? Frames of trades as Alpaca sends them, in JSON and in msgpack: bytes per
 * frame, and the time to read a frame into the tree the decoder walks (msgpack's timestamps made into the same RFC
 * 3339 text), min / median / max of several runs; the whole JSON decode into trades is the baseline beside them.
 * Run: {@code java -cp target/test-classes:target/classes:DEPS dev.tapewatch.bench.AlpacaWireBench [runs]}.
 */
public final class AlpacaWireBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAMES = 20_000;

    private AlpacaWireBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "%-14s %11s %11s %18s %18s %18s%n", "trades/frame", "JSON B", "msgpack B",
                "JSON tree us", "msgpack tree us", "JSON->trades us");
        for (int trades : new int[] {1, 10, 100}) {
            String[] json = new String[FRAMES];
            byte[][] msgpack = new byte[FRAMES][];
            long jsonBytes = 0;
            long msgpackBytes = 0;
            for (int f = 0; f < FRAMES; f++) {
                json[f] = frame(f, trades);
                msgpack[f] = AlpacaMsgpack.encode(json[f]);
                jsonBytes += json[f].getBytes(StandardCharsets.UTF_8).length;
                msgpackBytes += msgpack[f].length;
            }
            double[] jsonTree = new double[runs];
            double[] msgpackTree = new double[runs];
            double[] jsonTrades = new double[runs];
            for (int run = -1; run < runs; run++) { // run -1 warms up
                long sink = 0;
                long started = System.nanoTime();
                for (String frame : json) {
                    sink += JSON.readTree(frame).size();
                }
                long jsonDone = System.nanoTime();
                for (byte[] frame : msgpack) {
                    sink += AlpacaMsgpack.decode(frame).size();
                }
                long msgpackDone = System.nanoTime();
                for (String frame : json) {
                    sink += AlpacaCodec.decode(frame).trades().size();
                }
                long tradesDone = System.nanoTime();
                if (sink != 3L * FRAMES * trades) {
                    throw new IllegalStateException("decoded " + sink);
                }
                if (run >= 0) {
                    jsonTree[run] = (jsonDone - started) / 1e3 / FRAMES;
                    msgpackTree[run] = (msgpackDone - jsonDone) / 1e3 / FRAMES;
                    jsonTrades[run] = (tradesDone - msgpackDone) / 1e3 / FRAMES;
                }
            }
            System.out.printf(Locale.ROOT, "%-14d %11.0f %11.0f %18s %18s %18s%n", trades,
                    (double) jsonBytes / FRAMES, (double) msgpackBytes / FRAMES, spread(jsonTree),
                    spread(msgpackTree), spread(jsonTrades));
        }
    }

    /** A frame of trades with the fields and value shapes of Alpaca's stream. */
    private static String frame(int index, int trades) {
        ArrayNode frame = JSON.createArrayNode();
        long nanos = 1_704_207_600_000_000_000L + index * 1_000_000_000L;
        for (int t = 0; t < trades; t++) {
            ObjectNode trade = frame.addObject();
            trade.put("T", "t").put("S", t % 2 == 0 ? "AAPL" : "SPY").put("i", 52_983_525_029_461L + index * 100L + t)
                    .put("x", "V").put("p", Math.round((185.5 + (t % 17) * 0.01) * 100) / 100.0)
                    .put("s", 1 + (index * 31 + t) % 400)
                    .put("t", Instant.ofEpochSecond(0, nanos + t * 7_919_311L).toString()).put("z", "C");
            ArrayNode conditions = trade.putArray("c");
            conditions.add("@");
            if (t % 3 == 0) {
                conditions.add("I");
            }
        }
        return frame.toString();
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }
}
