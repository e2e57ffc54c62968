package dev.tapewatch.bench;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.sim.InjectedEvent;
import dev.tapewatch.sim.SimSymbol;
import dev.tapewatch.sim.SimulatedMarket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the spike detector against the simulator's ground truth over a full extended-hours day: an event
 * counts as found when a spike overlaps it; a spike is right when it overlaps an event.
 */
public final class DetectorBench {
    /** The outcome; {@code delays} are seconds from each found event's start to its spike's first second. */
    public record Result(int symbols, long bars, int events, int spikes, int found, int rightSpikes,
                         double[] delays, double barsPerSecond) {
        public double precision() {
            return spikes == 0 ? 1 : (double) rightSpikes / spikes;
        }

        public double recall() {
            return events == 0 ? 1 : (double) found / events;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double delayPercentile(double percentile) {
            if (delays.length == 0) {
                return Double.NaN;
            }
            double[] sorted = delays.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(percentile / 100 * sorted.length))];
        }

        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("symbols", symbols);
            figures.put("bars", bars);
            figures.put("events", events);
            figures.put("spikes", spikes);
            figures.put("precision", precision());
            figures.put("recall", recall());
            figures.put("f1", f1());
            figures.put("median_delay_s", delayPercentile(50));
            figures.put("p90_delay_s", delayPercentile(90));
            figures.put("bars_per_second", barsPerSecond);
            return figures;
        }
    }

    private DetectorBench() {
    }

    public static Result run(long seed, LocalDate date, int symbolCount, DetectorSettings settings) {
        SimulatedMarket market = new SimulatedMarket(seed);
        List<String> symbols = SimSymbol.DEFAULTS.subList(0, Math.min(symbolCount, SimSymbol.DEFAULTS.size()));
        long from = ExchangeTime.startOfDay(date);
        long to = ExchangeTime.endOfDay(date);
        List<List<Bar>> barsBySymbol = new ArrayList<>();
        long bars = 0;
        for (String symbol : symbols) {
            List<Bar> day = market.day(symbol, date).bars(from, to);
            barsBySymbol.add(day);
            bars += day.size();
        }
        int events = 0;
        int spikes = 0;
        int found = 0;
        int right = 0;
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            List<InjectedEvent> truth = market.events(symbols.get(i), date);
            List<Spike> detected = SpikeDetector.detect(symbols.get(i), barsBySymbol.get(i), settings);
            events += truth.size();
            spikes += detected.size();
            for (Spike spike : detected) {
                if (truth.stream().anyMatch(event -> overlaps(spike, event))) {
                    right++;
                }
            }
            for (InjectedEvent event : truth) {
                Spike first = detected.stream().filter(spike -> overlaps(spike, event)).findFirst().orElse(null);
                if (first != null) {
                    found++;
                    delays.add(Math.max(0, first.start() - event.start()) / 1000.0);
                }
            }
        }
        double throughput = throughput(symbols, barsBySymbol, bars, settings);
        return new Result(symbols.size(), bars, events, spikes, found, right,
                delays.stream().mapToDouble(Double::doubleValue).toArray(), throughput);
    }

    private static boolean overlaps(Spike spike, InjectedEvent event) {
        return spike.start() < event.end() && spike.end() > event.start();
    }

    /** Bars per second through the detector on this thread, best of several rounds after a warm-up. */
    private static double throughput(List<String> symbols, List<List<Bar>> barsBySymbol, long bars,
                                     DetectorSettings settings) {
        double best = 0;
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < symbols.size(); i++) {
                sink += SpikeDetector.detect(symbols.get(i), barsBySymbol.get(i), settings).size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            best = Math.max(best, bars / seconds);
        }
        return sink < 0 ? 0 : best;
    }
}
