package dev.tapewatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BarCsvTest {
    /** What the format was before the fast path: BigDecimal's plain form of the double's string (below 10^16). */
    private static String reference(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Test
    void numbersAreTheShortestExactDecimalsAsBefore() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(10);
            double price = Math.round(random.nextDouble() * 5_000 * Math.pow(10, decimals)) / Math.pow(10, decimals);
            double any = random.nextDouble() * Math.pow(10, random.nextInt(-8, 14));
            for (double value : new double[] {price, any, -price, 0.1 + 0.2, 1e-7, 123_456_789.000_001}) {
                String text = BarCsv.format(value);
                assertEquals(value + 0.0, Double.parseDouble(text) + 0.0, text); // -0 is written as 0, as before
                assertEquals(reference(value), text);
            }
        }
    }

    /**
     * Beyond 10^16 this JDK's {@code Double.toString} is not always the shortest (2.9964821954949728E17): the
     * export now writes the shortest digits, which read back as the same double.
     */
    @Test
    void veryLargeValuesTakeTheirShortestDigits() {
        assertEquals("299648219549497300", BarCsv.format(2.9964821954949728E17));
        assertEquals(2.9964821954949728E17, Double.parseDouble(BarCsv.format(2.9964821954949728E17)));
        assertEquals("0.000000033333333333333334", BarCsv.format(1e-7 / 3));
    }

    /** A row's numbers are written as {@link BarCsv#format} writes them, whichever way the writer takes. */
    @Test
    void theRowWriterWritesEveryNumberAsFormatDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        long start = 1_704_205_800_000L;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        double[] vwaps = new double[20_000];
        try (BarCsv.RowWriter rows = new BarCsv.RowWriter(bytes)) {
            for (int i = 0; i < vwaps.length; i++) {
                int decimals = random.nextInt(13);
                vwaps[i] = switch (i % 3) { // cents, a computed VWAP, and anything from 1e-9 to 1e18
                    case 0 -> Math.round(random.nextDouble() * 50_000) / 100.0;
                    case 1 -> random.nextDouble() * 500;
                    default -> Math.round(random.nextDouble() * Math.pow(10, decimals)) / Math.pow(10, decimals)
                            * Math.pow(10, random.nextInt(-9, 7));
                };
                rows.write(new dev.tapewatch.market.Bar("SPY", start + i * 1000L, start + i * 1000L + 1000, 1, 1, 1, 1,
                        5, vwaps[i], Double.NaN, Double.NaN, Double.NaN, Double.NaN, false), false);
            }
        }
        String[] lines = bytes.toString(java.nio.charset.StandardCharsets.US_ASCII).split("\r\n");
        assertEquals(vwaps.length, lines.length);
        for (int i = 0; i < vwaps.length; i++) {
            assertEquals(BarCsv.format(vwaps[i]), lines[i].split(",")[9], lines[i]);
        }
    }

    @Test
    void aRowWithoutDayFieldsHasEmptyCellsAndMillisecondsWhereTheStartHasThem() throws Exception {
        long start = 1_704_205_800_250L; // 2024-01-02 09:30:00.250 New York
        java.io.StringWriter text = new java.io.StringWriter();
        try (BarCsv.RowWriter rows = new BarCsv.RowWriter(text)) {
            rows.header();
            rows.write(new dev.tapewatch.market.Bar("BRK.B", start, start + 750, 1.5, 2, 0.25, 1.75, 300, 1.0625,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, dev.tapewatch.market.Bar.Source.REST), true);
        }
        assertEquals(String.join(",", BarCsv.HEADER) + "\r\nBRK.B,2024-01-02T09:30:00.250,1704205800250,1704205801000,"
                + "1.5,2,0.25,1.75,300,1.0625,,,,,1\r\n", text.toString());
    }
}
