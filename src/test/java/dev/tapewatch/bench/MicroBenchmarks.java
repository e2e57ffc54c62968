package dev.tapewatch.bench;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.export.BarCsv;
import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.feed.PolygonDecoder;
import dev.tapewatch.market.Bar;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot paths one bar at a time: decoding and encoding Polygon frames, writing a CSV row, the detector.
 * Run with {@code scripts/jmh.sh} (not part of the test suite).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MicroBenchmarks {
    private static final long START = 1_704_205_800_000L;
    private List<Bar> frameBars;
    private String frame;
    private final PolygonDecoder decoder = new PolygonDecoder();
    private Bar[] day;
    private int next;
    private SpikeDetector detector;
    private BarCsv.RowWriter csv;

    @Setup
    public void setUp() throws Exception {
        frameBars = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frameBars.add(new Bar("S" + i, START, START + 1000, 100.01, 100.05, 99.98, 100.02, 1200 + i, 100.015,
                    1_234_567, 99.5, 100.2, 133.5, false));
        }
        frame = PolygonCodec.bars(frameBars);
        day = new Bar[57_600];
        for (int s = 0; s < day.length; s++) {
            double price = 100 + (s % 100) * 0.01;
            day[s] = new Bar("SPY", START + s * 1000L, START + s * 1000L + 1000, price, price + 0.02, price - 0.01,
                    price + 0.01, 500 + (s * 7919L) % 700, price, 0, 0, 0, 0, false);
        }
        detector = new SpikeDetector("SPY", DetectorSettings.DEFAULT, spike -> { });
        csv = new BarCsv.RowWriter(OutputStream.nullOutputStream());
    }

    /** One 100-bar frame decoded as the feed decodes it: divide the score by 100 for bars/s. */
    @Benchmark
    public void decodeFrameOf100(Blackhole sink) {
        sink.consume(decoder.decode(frame));
    }

    /** One 100-bar frame encoded (the simulator's side). */
    @Benchmark
    public void encodeFrameOf100(Blackhole sink) {
        sink.consume(PolygonCodec.bars(frameBars));
    }

    @Benchmark
    public void csvRow() throws Exception {
        csv.write(day[next++ % day.length], false);
    }

    /** The detector restarts every day's worth of bars, so time keeps increasing. */
    @Benchmark
    public void detectorBar() {
        if (next == day.length) {
            next = 0;
            detector = new SpikeDetector("SPY", DetectorSettings.DEFAULT, spike -> { });
        }
        detector.accept(day[next++]);
    }
}
