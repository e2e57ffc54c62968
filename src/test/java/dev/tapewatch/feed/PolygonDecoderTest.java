package dev.tapewatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The feed's decoder reads the usual frames itself and hands every other one to {@link PolygonCodec#decode}: either
 * way a frame decodes exactly as {@link PolygonCodec#decode} decodes it, bar for bar, problem for problem.
 */
class PolygonDecoderTest {
    private static final String GOOD = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":200,\"av\":8642007,\"op\":25.66,"
            + "\"vw\":25.3981,\"o\":25.39,\"c\":25.39,\"h\":25.39,\"l\":25.39,\"a\":25.3714,\"z\":50,"
            + "\"s\":1704207600000,\"e\":1704207601000}";

    private final PolygonDecoder decoder = new PolygonDecoder();

    @Test
    void readsEncodedBarsBackExactly() {
        List<Bar> bars = new ArrayList<>(TestBars.day("SPY", 200));
        bars.addAll(TestBars.day("BRK.B", 50));
        // a minute aggregate (AM), digits past a double's exact mantissa, exponents, no day fields, OTC
        bars.add(new Bar("BF-B", TestBars.at(9, 31, 0), TestBars.at(9, 32, 0), 50.019999999999996, 60.010000000000005,
                1e-7, 0.0001, 1.5e21, 0.30000000000000004, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true));
        String frame = PolygonCodec.bars(bars);
        PolygonCodec.Decoded decoded = decoder.decode(frame);
        assertEquals(bars, decoded.bars());
        assertEquals(List.of(), decoded.problems());
        assertEquals(PolygonCodec.decode(frame), decoded);
    }

    @Test
    void aBadElementCostsOnlyItselfWithTheSameProblemAsBefore() {
        String missingClose = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":1,\"vw\":1,\"o\":1,\"h\":1,\"l\":1,\"s\":1,\"e\":2}";
        String negativeVolume = "{\"ev\":\"A\",\"sym\":\"ZZZT\",\"v\":-5,\"vw\":1,\"o\":1,\"c\":1,\"h\":1,\"l\":1,"
                + "\"s\":1704207603000,\"e\":1704207604000}";
        String noKind = "{\"sym\":\"ZZZT\"}";
        String second = GOOD.replace("1704207600000", "1704207601000").replace("1704207601000}", "1704207602000}");
        String frame = "[" + GOOD + "," + missingClose + "," + negativeVolume + "," + noKind + "," + second + "]";
        PolygonCodec.Decoded decoded = decoder.decode(frame);
        assertEquals(List.of(new Bar("ZZZT", 1704207600000L, 1704207601000L, 25.39, 25.39, 25.39, 25.39, 200, 25.3981,
                8642007, 25.66, 25.3714, 50, false), new Bar("ZZZT", 1704207601000L, 1704207602000L, 25.39, 25.39,
                25.39, 25.39, 200, 25.3981, 8642007, 25.66, 25.3714, 50, false)), decoded.bars());
        assertEquals(List.of("element 1 (A ZZZT): missing or non-numeric \"c\"",
                "element 2: invalid bar ZZZT at 1704207603000: volume -5.0 must be a finite number >= 0",
                "element 3 has no \"ev\""), decoded.problems());
        assertEquals(PolygonCodec.decode(frame), decoded);
        assertSame(decoder.decode("[" + GOOD + "]").bars().get(0).symbol(), decoded.bars().get(0).symbol(),
                "read by the decoder itself (its symbols are interned), not handed on");
    }

    @Test
    void framesOfOtherShapesDecodeAsTheGeneralDecoderDecodesThem() {
        List<String> frames = List.of(
                "[" + GOOD + ",{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: A.ZZZT\"}]",
                "[" + GOOD.replace("\"v\":200", "\"v\":NaN") + "," + GOOD + "]",
                "[" + GOOD.replace("ZZZT", "ZZ\\u005aT") + "]",
                "[" + GOOD.replace("\"z\":50", "\"z\":50,\"x\":{\"nested\":[1,2]}") + "]",
                "[" + GOOD.replace("\"o\":25.39", "\"o\":\"25.39\"") + "]",
                "[" + GOOD.replace("\"o\":25.39", "\"o\":025.39") + "]",
                "[" + GOOD + ",{\"ev\":\"XQ\",\"sym\":\"ZZZT\"}]",
                "[" + GOOD + ",",
                "[" + GOOD + ",42]",
                GOOD,
                "{\"ev\":\"A\",\"sym\":\"ZZZT\",",
                "[] trailing text",
                " [ " + GOOD.replace(",", " ,\n\t") + " ] ",
                "[" + GOOD.replace("\"s\":1704207600000", "\"s\":1704207600000,\"s\":1704207599000") + "]",
                "[" + GOOD.replace("\"z\":50", "\"otc\":true,\"n\":null,\"t\":false,\"sym\":\"ZZZU\"") + "]",
                "");
        for (String frame : frames) {
            assertEquals(PolygonCodec.decode(frame), decoder.decode(frame), frame);
        }
    }

    /** Seeded frames of good and bad elements, then cut, spliced and garbled: the decoder never differs. */
    @Test
    void agreesWithTheGeneralDecoderOnGarbledFrames() {
        Random random = new Random(28);
        String[] values = {"-0", "0", "-0.0", "1e5", "1E-3", "0.1", "12345678901234567", "1234567890123456789",
                "1.7976931348623157e308", "4.9e-324", "1e400", "NaN", "-Infinity", "true", "false", "null", "\"x\"",
                "\"\\u0041\"", "{}", "[1,2]", "01", "1.", ".5", "+1", "-", "1e", "123.456e-30", "50.019999999999996",
                "1704207600000", "\"A\"", "\"AM\"", "\"status\""};
        String[] names = {"ev", "sym", "v", "av", "op", "vw", "o", "c", "h", "l", "a", "z", "s", "e", "otc", "status",
                "message", "x", "sy", "symb", "e\\u0076"};
        String garble = "\t\r\n {}[],:\"\\0-.eE+Na\u0100\u0001";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder frame = new StringBuilder("[");
            for (int k = random.nextInt(4); k > 0; k--) {
                frame.append(random.nextInt(3) > 0 ? bar(random, values, names) : object(random, values, names));
                frame.append(k > 1 ? "," : "");
            }
            String text = frame.append(']').toString();
            if (random.nextInt(3) == 0) {
                int at = random.nextInt(text.length());
                char c = garble.charAt(random.nextInt(garble.length()));
                text = switch (random.nextInt(3)) {
                    case 0 -> text.substring(0, at);
                    case 1 -> text.substring(0, at) + c + text.substring(at);
                    default -> text.substring(0, at) + c + text.substring(at + 1);
                };
            }
            assertEquals(PolygonCodec.decode(text), decoder.decode(text), text);
        }
    }

    @Test
    void readsEveryNumberToTheSameDoubleAsJackson() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder number = new StringBuilder(random.nextBoolean() ? "" : "0.");
            number.append((char) ('1' + random.nextInt(9)));
            for (int digits = random.nextInt(20); digits > 0; digits--) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            if (number.charAt(0) != '0' && number.length() > 1 && random.nextBoolean()) {
                number.insert(1 + random.nextInt(number.length() - 1), '.');
            }
            if (random.nextInt(3) == 0) {
                number.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "")
                        .append(random.nextInt(40));
            }
            String frame = "[" + GOOD.replace("\"v\":200", "\"v\":" + number).replace("\"vw\":25.3981",
                    "\"vw\":" + number) + "]";
            assertEquals(PolygonCodec.decode(frame), decoder.decode(frame), number.toString());
        }
    }

    @Test
    void oneStringPerSymbolAcrossFrames() {
        Bar first = decoder.decode("[" + GOOD + "]").bars().get(0);
        Bar again = decoder.decode("[" + GOOD + "]").bars().get(0);
        assertSame(first.symbol(), again.symbol());
    }

    @Test
    void aFrameLargerThanTheKeptBufferDecodesAndTheNextOneToo() {
        List<Bar> many = new ArrayList<>();
        for (int k = 0; k < 6_000; k++) {
            many.addAll(TestBars.day("S" + k, 1));
        }
        String large = PolygonCodec.bars(many);
        assertTrue(large.length() > 1 << 20, "larger than the buffer kept between frames");
        assertEquals(many, decoder.decode(large).bars());
        assertEquals(List.of(), decoder.decode("[]").bars());
        assertEquals(many.subList(0, 3), decoder.decode(PolygonCodec.bars(many.subList(0, 3))).bars());
    }

    private static String bar(Random random, String[] values, String[] names) {
        double price = random.nextInt(4) == 0 ? random.nextDouble() * 1000 : random.nextInt(100_000) / 100.0;
        long start = 1704207600000L + random.nextInt(100_000) * 1000L;
        List<String> fields = new ArrayList<>(List.of("\"ev\":" + (random.nextInt(10) == 0 ? "\"AM\"" : "\"A\""),
                "\"sym\":\"S" + (char) ('A' + random.nextInt(26)) + "\"", "\"v\":" + random.nextInt(100_000),
                "\"vw\":" + price, "\"o\":" + price, "\"c\":" + price, "\"h\":" + (price + 0.5),
                "\"l\":" + Math.max(0, price - (random.nextInt(5) == 0 ? -1 : 0.5)), "\"s\":" + start,
                "\"e\":" + (start + 1000), "\"av\":" + random.nextInt(10_000_000), "\"z\":" + random.nextInt(300)));
        if (random.nextInt(3) == 0) {
            fields.add("\"" + names[random.nextInt(names.length)] + "\":" + values[random.nextInt(values.length)]);
        }
        if (random.nextInt(6) == 0) {
            fields.remove(random.nextInt(fields.size()));
        }
        Collections.shuffle(fields, random);
        return "{" + String.join(random.nextInt(10) == 0 ? " ,\n" : ",", fields) + "}";
    }

    private static String object(Random random, String[] values, String[] names) {
        List<String> fields = new ArrayList<>();
        for (int k = random.nextInt(5); k > 0; k--) {
            fields.add("\"" + names[random.nextInt(names.length)] + "\":" + values[random.nextInt(values.length)]);
        }
        return "{" + String.join(",", fields) + "}";
    }
}
