package dev.tapewatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
    private static final DetectorSettings SETTINGS = DetectorSettings.DEFAULT;
    /** 2019-08-16 07:21 PST is 10:21 ET. */
    private static final long T0 = ExchangeTime.toEpochMillis(LocalDate.of(2019, 8, 16), LocalTime.of(10, 15));

    private static Bar bar(long start, double close, double volume) {
        return new Bar("SPY", start, start + 1000, close, close + 0.01, close - 0.01, close, volume, close, 0, 0, 0, 0,
                false);
    }

    /** A busy, noisy but ordinary market: a bar every second, volume 800–1,200, price wobbling by a cent. */
    private static List<Bar> ordinary(long from, int seconds, double price) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            double volume = 800 + (i * 7919L) % 400;
            bars.add(bar(from + i * 1000L, price + ((i * 31) % 3 - 1) * 0.01, volume));
        }
        return bars;
    }

    @Test
    void aBurstThatDiesAtOnceIsFlaggedInItsOwnSecondAndTheQuietAfterIsNot() {
        List<Bar> bars = new ArrayList<>(ordinary(T0, 360, 284.00));
        long burst = T0 + 360_000;
        bars.add(bar(burst, 285.60, 25_000)); // SPY-2019-08-16: volume and price jump together, for one second
        bars.addAll(ordinary(burst + 1000, 300, 285.60));
        List<Spike> spikes = SpikeDetector.detect("SPY", bars, SETTINGS);
        assertEquals(1, spikes.size(), spikes.toString());
        Spike spike = spikes.get(0);
        assertEquals(burst, spike.start());
        assertEquals(burst + 1000, spike.end());
        assertEquals(burst, spike.peakTime());
        assertEquals(Spike.Kind.BOTH, spike.kind());
        assertEquals("burst+price", spike.label());
        assertTrue(spike.volumeMultiple() > 20 && spike.volumeMultiple() < 30, spike.toString());
    }

    @Test
    void aFlatMarketFlagsNothing() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3600; i++) {
            bars.add(bar(T0 + i * 1000L, 100, 500));
        }
        assertEquals(List.of(), SpikeDetector.detect("SPY", bars, SETTINGS));
    }

    @Test
    void gapsInTheDataDoNotCreateSpikes() {
        List<Bar> bars = new ArrayList<>(ordinary(T0, 300, 50.00));
        bars.addAll(ordinary(T0 + 900_000, 300, 50.00)); // ten minutes without a bar, then the same market
        // a thin stretch: a bar every 20 s, then busy again
        for (int i = 0; i < 30; i++) {
            bars.add(bar(T0 + 1_200_000 + i * 20_000L, 50.01, 900));
        }
        bars.addAll(ordinary(T0 + 1_800_000, 300, 50.00));
        assertEquals(List.of(), SpikeDetector.detect("SPY", bars, SETTINGS));
    }

    @Test
    void nothingIsFlaggedDuringTheWarmUp() {
        List<Bar> bars = new ArrayList<>(ordinary(T0, 30, 10));
        bars.add(bar(T0 + 30_000, 10, 50_000));
        assertEquals(List.of(), SpikeDetector.detect("SPY", bars, SETTINGS));
    }

    @Test
    void flaggedSecondsWithinTheCooldownMergeAndLaterOnesStartANewSpike() {
        List<Bar> bars = new ArrayList<>(ordinary(T0, 120, 20));
        long a = T0 + 120_000;
        bars.add(bar(a, 20, 30_000));
        bars.add(bar(a + 1000, 20, 900));
        bars.add(bar(a + 2000, 20, 30_000)); // two seconds after the first: same spike
        bars.addAll(ordinary(a + 3000, 2, 20));
        bars.add(bar(a + 5000, 20, 30_000)); // three seconds after the last flagged one: a new spike
        bars.addAll(ordinary(a + 6000, 60, 20));
        List<Spike> spikes = SpikeDetector.detect("SPY", bars, SETTINGS);
        assertEquals(2, spikes.size(), spikes.toString());
        assertEquals(a, spikes.get(0).start());
        assertEquals(a + 3000, spikes.get(0).end());
        assertEquals(a + 5000, spikes.get(1).start());
        assertEquals(a + 6000, spikes.get(1).end());
        assertEquals(Spike.Kind.VOLUME, spikes.get(0).kind());
    }

    @Test
    void replacementsOfTheLatestSecondCorrectTheBaselineAndOlderOnesAreIgnored() {
        List<Spike> found = new ArrayList<>();
        SpikeDetector detector = new SpikeDetector("SPY", SETTINGS, found::add);
        List<Bar> bars = ordinary(T0, 120, 30);
        bars.forEach(detector::accept);
        // A late huge print re-sent for the latest second is folded into the baseline, not flagged afterwards.
        Bar latest = bars.get(bars.size() - 1);
        detector.accept(bar(latest.start(), latest.close(), 40_000));
        // A correction of an older second comes too late for live detection.
        detector.accept(bar(bars.get(50).start(), 30, 50_000));
        assertEquals(1, detector.lateBars());
        detector.finish();
        assertEquals(List.of(), found);

        // The same day re-scored from storage (final values) sees the corrected latest second as a spike.
        List<Bar> stored = new ArrayList<>(bars);
        stored.set(stored.size() - 1, bar(latest.start(), latest.close(), 40_000));
        List<Spike> rescored = SpikeDetector.detect("SPY", stored, SETTINGS);
        assertEquals(1, rescored.size());
        assertEquals(latest.start(), rescored.get(0).start());
    }

    /** A second as a Polygon aggregate with its average trade size: {@code trades} trades of {@code size}. */
    private static Bar trades(long start, double close, int trades, double size) {
        return new Bar("XYZ", start, start + 1000, close, close, close, close, trades * size, close, Double.NaN,
                Double.NaN, Double.NaN, size, false, Bar.Source.STREAM);
    }

    @Test
    void aBurstOfTradesAndAFewBlockPrintsAreBothSpikesAndSayWhich() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bars.add(trades(T0 + i * 1000L, 50, 3 + i % 3, 100 + (i * 37) % 200));
        }
        long block = T0 + 300_000;
        bars.add(trades(block, 50, 2, 10_000)); // two prints, about 25 times a traded second's usual volume
        for (int i = 301; i < 600; i++) {
            bars.add(trades(T0 + i * 1000L, 50, 3 + i % 3, 100 + (i * 37) % 200));
        }
        long burst = T0 + 600_000;
        bars.add(trades(burst, 50, 60, 150)); // sixty ordinary trades in one second
        List<Spike> spikes = SpikeDetector.detect("XYZ", bars, SETTINGS);
        assertEquals(2, spikes.size(), spikes.toString());
        assertEquals(block, spikes.get(0).start());
        assertEquals("block", spikes.get(0).label());
        assertEquals(burst, spikes.get(1).start());
        assertEquals("burst", spikes.get(1).label());
    }

    @Test
    void anOrdinaryTradeInAThinNameIsNotASpikeButAFewLargePrintsAre() {
        // one trade of 100-300 shares every 20 to 40 s: most seconds are empty
        List<Bar> bars = new ArrayList<>();
        long t = T0;
        for (int i = 0; i < 200; i++, t += 20_000 + (i * 7919L) % 20 * 1000) {
            bars.add(trades(t, 8, 1, 100 + (i * 37) % 200));
        }
        assertEquals(List.of(), SpikeDetector.detect("XYZ", bars, SETTINGS));
        // a single print of twenty times the usual: a thin name's single trades vary too much to call it
        List<Bar> lone = new ArrayList<>(bars);
        lone.add(trades(t, 8, 1, 4_000));
        assertEquals(List.of(), SpikeDetector.detect("XYZ", lone, SETTINGS));
        // three prints of that size in a second
        List<Bar> blocks = new ArrayList<>(bars);
        blocks.add(trades(t, 8, 3, 4_000));
        List<Spike> spikes = SpikeDetector.detect("XYZ", blocks, SETTINGS);
        assertEquals(1, spikes.size(), spikes.toString());
        assertEquals(t, spikes.get(0).start());
        assertEquals(Spike.Prints.BLOCK, spikes.get(0).prints());
    }

    @Test
    void theOpeningAndClosingCrossesAreNotSpikes() {
        LocalDate day = LocalDate.of(2024, 1, 2);
        long premarket = ExchangeTime.toEpochMillis(day, LocalTime.of(9, 20));
        long bell = ExchangeTime.toEpochMillis(day, LocalTime.of(9, 30));
        long close = ExchangeTime.toEpochMillis(day, LocalTime.of(16, 0));
        List<Bar> bars = new ArrayList<>();
        for (long s = premarket; s < bell; s += 1000) {
            bars.add(trades(s, 50, 2 + (int) (s / 1000 % 3), 100));
        }
        bars.add(trades(bell, 50, 40, 2_000)); // the opening auction: one large print and many small ones
        bars.add(trades(bell + 1000, 50, 5, 4_000)); // its prints still arriving in the next second
        // the regular session trades ten times as much as the pre-market: the new scale is learnt, not flagged
        for (long s = bell + 2000; s < close; s += 1000) {
            bars.add(trades(s, 50, 25 + (int) (s / 1000 % 5), 100));
        }
        bars.add(trades(close, 50, 200, 600)); // the closing auction
        for (long s = close + 1000; s < close + 120_000; s += 1000) {
            bars.add(trades(s, 50, 2, 100));
        }
        assertEquals(List.of(), SpikeDetector.detect("XYZ", bars, SETTINGS));
    }

    @Test
    void theFirstBarAfterAGapIsNeverAPriceSpike() {
        List<Bar> bars = new ArrayList<>(ordinary(T0, 600, 100));
        long after = T0 + 900_000; // five minutes later, 3% higher
        bars.addAll(ordinary(after, 120, 103));
        assertEquals(List.of(), SpikeDetector.detect("SPY", bars, SETTINGS));
        // told that the five minutes were not recorded: the same, and the baseline starts again after them
        assertEquals(List.of(), SpikeDetector.detect("SPY", bars, SETTINGS,
                List.<long[]>of(new long[] {T0 + 600_000, after})));
    }

    @Test
    void secondsNotRecordedAreUnknownNotQuiet() {
        // busy seconds, 30 s without bars, then one second of 500 trades (twelve times the usual 42)
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bars.add(trades(T0 + i * 1000L, 50, 40 + i % 5, 100));
        }
        for (int i = 330; i < 400; i++) {
            bars.add(trades(T0 + i * 1000L, 50, i == 330 ? 500 : 40 + i % 5, 100));
        }
        // as 30 quiet seconds they are part of the baseline, and the second after them stands out
        List<Spike> quiet = SpikeDetector.detect("XYZ", bars, SETTINGS);
        assertEquals(1, quiet.size(), quiet.toString());
        assertEquals(T0 + 330_000, quiet.get(0).start());
        // as 30 seconds not recorded they are unknown: nothing is judged until a window of known seconds exists
        assertEquals(List.of(), SpikeDetector.detect("XYZ", bars, SETTINGS,
                List.<long[]>of(new long[] {T0 + 300_000, T0 + 330_000})));
    }

    @Test
    void spikesScoringBelowTheMinimumAreNotReported() {
        List<Bar> bars = new ArrayList<>(ordinary(T0, 360, 284.00));
        bars.add(bar(T0 + 360_000, 284.00, 6_000));
        bars.addAll(ordinary(T0 + 361_000, 60, 284.00));
        List<Spike> all = SpikeDetector.detect("SPY", bars, new DetectorSettings(60, 4, 100, 3, 5, 0.002, 2, 0));
        assertEquals(1, all.size(), all.toString());
        double score = all.get(0).peakScore();
        assertEquals(all, SpikeDetector.detect("SPY", bars, new DetectorSettings(60, 4, 100, 3, 5, 0.002, 2, score)));
        assertEquals(List.of(), SpikeDetector.detect("SPY", bars,
                new DetectorSettings(60, 4, 100, 3, 5, 0.002, 2, score + 0.01)));
    }
}
