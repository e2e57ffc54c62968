package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.time.LocalDate;
import java.util.List;

/** A stored day seen the same way as live: its bars through the same detector. */
public final class History {
    private History() {
    }

    /** The spikes the detector finds over a symbol's stored day. */
    public static List<Spike> detect(BarStore store, String symbol, LocalDate day, DetectorSettings settings) {
        List<Bar> bars = store.bars(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day));
        return SpikeDetector.detect(symbol, bars, settings);
    }

    /** Re-scores a stored day with these settings and replaces its stored spikes; returns the new ones. */
    public static List<Spike> rescore(BarStore store, String symbol, LocalDate day, DetectorSettings settings) {
        List<Spike> spikes = detect(store, symbol, day, settings);
        store.replaceSpikes(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day), spikes);
        return spikes;
    }
}
