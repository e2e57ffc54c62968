package dev.tapewatch.detect;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One detector per symbol, created on the symbol's first bar; not thread-safe (feed it from one thread). */
public final class SpikeDetectors {
    private final DetectorSettings settings;
    private final Consumer<Spike> sink;
    private final Map<String, SpikeDetector> bySymbol = new HashMap<>();

    public SpikeDetectors(DetectorSettings settings, Consumer<Spike> sink) {
        this.settings = settings;
        this.sink = sink;
    }

    public void accept(List<Bar> bars) {
        for (Bar bar : bars) {
            SpikeDetector detector = bySymbol.get(bar.symbol());
            if (detector == null) { // not computeIfAbsent: its capturing lambda would be an object per bar
                detector = new SpikeDetector(bar.symbol(), settings, sink);
                bySymbol.put(bar.symbol(), detector);
            }
            detector.accept(bar);
        }
    }

    /** Closes every open spike (end of data). */
    public void finish() {
        bySymbol.values().forEach(SpikeDetector::finish);
    }
}
