package dev.tapewatch.study;

import dev.tapewatch.TestBars;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored day of SPY with four spikes of known fates: at the first bar (no reference), a volume spike of +1 %
 * that goes on to +2 % (continued), a price spike of +1.96 % that falls back (reversed), and one 50 s before the
 * day's last bar (no 1-min close).
 */
public final class StudyTape {
    public static final long OPEN = TestBars.at(9, 30, 0);

    private StudyTape() {
    }

    /** Seconds from the open; 09:51:40 to 09:53:20 missing (a gap the horizons must step back over). */
    public static double price(int t) {
        if (t < 62) {
            return 100;
        }
        if (t < 120) {
            return 101; // spike A: +1 %, then on to 102: continued
        }
        if (t < 1000) {
            return 102;
        }
        if (t < 1010) {
            return 104; // spike B: +1.96 %, then back to 102.5: reversed
        }
        return 102.5 + (t % 7) * 0.01;
    }

    public static Path seed(Path dir) {
        Path db = dir.resolve("db");
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.CREATE)) {
            List<Bar> bars = new ArrayList<>();
            for (int t = 0; t < 2000; t++) {
                if (t >= 1300 && t < 1400) {
                    continue;
                }
                double close = price(t);
                double open = t == 0 ? close : price(t - 1);
                long start = OPEN + t * 1000L;
                bars.add(Bar.of("SPY", start, start + 1000, open, Math.max(open, close), Math.min(open, close), close,
                        100 + t, close));
            }
            store.upsert(bars);
            store.replaceSpikes("SPY", ExchangeTime.startOfDay(TestBars.DAY), ExchangeTime.endOfDay(TestBars.DAY), List.of(
                    spike(0, 2, Spike.Kind.VOLUME, 9), // no bar before it: left out
                    spike(60, 63, Spike.Kind.VOLUME, 7),
                    spike(1000, 1002, Spike.Kind.PRICE, 12),
                    spike(1950, 1951, Spike.Kind.BOTH, 25)));
        }
        return db;
    }

    private static Spike spike(int from, int to, Spike.Kind kind, double score) {
        return new Spike("SPY", OPEN + from * 1000L, OPEN + to * 1000L, OPEN + from * 1000L, kind, score, 5);
    }

}
