package dev.tapewatch.bench;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.detect.SpikeDetector;
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
 * Scores the spike detector over full extended-hours days against ground truth: the simulator's own events, and
 * those of the independent {@link EvaluationTape}.
 */
public final class DetectorBench {
    /** The outcome; {@code delays} are seconds from each found event's start to its spike's first second. */
    public record Result(int symbols, long bars, int events, int spikes, int found, int rightSpikes,
                         double[] delays, double barsPerSecond, Map<String, int[]> byKind) {
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

        /** Of the spikes that say {@code kind} ("burst" or "block"), the share on an event (NaN without any). */
        public double kindPrecision(String kind) {
            int[] counts = byKind.get(kind);
            return counts[SPIKES] == 0 ? Double.NaN : (double) counts[RIGHT] / counts[SPIKES];
        }

        /** Of the events of {@code kind}, the share a spike of that kind found (NaN without such events). */
        public double kindRecall(String kind) {
            int[] counts = byKind.get(kind);
            return counts[EVENTS] == 0 ? Double.NaN : (double) counts[FOUND] / counts[EVENTS];
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
            byKind.keySet().forEach(kind -> {
                figures.put(kind + "_precision", kindPrecision(kind));
                figures.put(kind + "_recall", kindRecall(kind));
            });
            return figures;
        }
    }

    private DetectorBench() {
    }

    /**
     * Both tapes over {@code count} seeds from {@code firstSeed}: each figure's spread over the seeds, then the
     * peak scores (pooled over the seeds) of what the thresholds flag before the minimum score: those on an
     * event and the rest, and the share of each the minimum score keeps (what its default was chosen from).
     */
    public static Map<String, Object> seeds(long firstSeed, int count, LocalDate date, int symbols,
                                            DetectorSettings settings) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String tape : List.of("simulator", "tape")) {
            double[][] values = new double[9][count];
            long events = 0;
            List<Double> eventScores = new ArrayList<>();
            List<Double> otherScores = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<EvaluationTape.Day> days = tape.equals("simulator")
                        ? simulatorDays(firstSeed + i, date, symbols) : tapeDays(firstSeed + i, date, symbols);
                Result result = score(days, settings);
                values[0][i] = result.precision();
                values[1][i] = result.recall();
                values[2][i] = result.f1();
                values[3][i] = result.delayPercentile(50);
                values[4][i] = result.barsPerSecond();
                values[5][i] = result.kindPrecision("burst");
                values[6][i] = result.kindRecall("burst");
                values[7][i] = result.kindPrecision("block");
                values[8][i] = result.kindRecall("block");
                events += result.events();
                peakScores(days, settings, eventScores, otherScores);
            }
            figures.put(tape + "_events_scored", events);
            figures.put(tape + "_precision", new Spread(values[0]).figures());
            figures.put(tape + "_recall", new Spread(values[1]).figures());
            figures.put(tape + "_f1", new Spread(values[2]).figures());
            String[] byKind = {"burst_precision", "burst_recall", "block_precision", "block_recall"};
            for (int k = 0; k < byKind.length; k++) {
                if (java.util.Arrays.stream(values[5 + k]).noneMatch(Double::isNaN)) {
                    figures.put(tape + "_" + byKind[k], new Spread(values[5 + k]).figures());
                }
            }
            figures.put(tape + "_median_delay_s", new Spread(values[3]).figures());
            figures.put(tape + "_bars_per_second", new Spread(values[4]).figures());
            figures.put(tape + "_event_score_p1", percentile(eventScores, 1));
            figures.put(tape + "_event_score_median", percentile(eventScores, 50));
            figures.put(tape + "_other_score_median", percentile(otherScores, 50));
            figures.put(tape + "_events_kept_by_min_score", kept(eventScores, settings.minScore()));
            figures.put(tape + "_others_kept_by_min_score", kept(otherScores, settings.minScore()));
        }
        return figures;
    }

    /** Scores against the simulator's own ground truth (the model the detector was first tuned on). */
    public static Result run(long seed, LocalDate date, int symbolCount, DetectorSettings settings) {
        return score(simulatorDays(seed, date, symbolCount), settings);
    }

    /** Scores against the independent evaluation tape ({@link EvaluationTape}). */
    public static Result tape(long seed, LocalDate date, int symbolCount, DetectorSettings settings) {
        return score(tapeDays(seed, date, symbolCount), settings);
    }

    private static List<EvaluationTape.Day> simulatorDays(long seed, LocalDate date, int symbolCount) {
        SimulatedMarket market = new SimulatedMarket(seed);
        List<String> symbols = SimSymbol.DEFAULTS.subList(0, Math.min(symbolCount, SimSymbol.DEFAULTS.size()));
        long from = ExchangeTime.startOfDay(date);
        long to = ExchangeTime.endOfDay(date);
        List<EvaluationTape.Day> days = new ArrayList<>();
        for (String symbol : symbols) {
            // the opening cross is in the simulator's events; it is an auction, not a spike: neither right nor wrong
            long bell = ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_OPEN);
            days.add(new EvaluationTape.Day(symbol, market.day(symbol, date).bars(from, to),
                    market.events(symbol, date).stream().filter(event -> event.start() != bell).toList(),
                    List.<long[]>of(new long[] {bell, bell + 1000})));
        }
        return days;
    }

    private static List<EvaluationTape.Day> tapeDays(long seed, LocalDate date, int symbolCount) {
        List<EvaluationTape.Day> days = new ArrayList<>();
        for (int i = 0; i < symbolCount; i++) {
            days.add(EvaluationTape.day(seed, date, i, symbolCount));
        }
        return days;
    }

    /** Adds the peak scores of the spikes found with no minimum score, on an event or not (excused ones aside). */
    private static void peakScores(List<EvaluationTape.Day> days, DetectorSettings settings, List<Double> onEvents,
                                   List<Double> others) {
        DetectorSettings unfiltered = new DetectorSettings(settings.windowSeconds(), settings.volumeThreshold(),
                settings.minVolume(), settings.minMultiple(), settings.priceThreshold(), settings.minReturn(),
                settings.cooldownSeconds(), 0);
        for (EvaluationTape.Day day : days) {
            for (Spike spike : detected(day, unfiltered)) {
                boolean onEvent = day.events().stream().anyMatch(event -> overlaps(spike, event.start(), event.end()));
                (onEvent ? onEvents : others).add(spike.peakScore());
            }
        }
    }

    private static double percentile(List<Double> values, double percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(percent / 100 * sorted.size())));
    }

    private static double kept(List<Double> scores, double minimum) {
        return scores.isEmpty() ? Double.NaN : scores.stream().filter(score -> score >= minimum).count()
                / (double) scores.size();
    }

    /** The day's spikes, those overlapping an excused span (the opening cross) left out. */
    private static List<Spike> detected(EvaluationTape.Day day, DetectorSettings settings) {
        return SpikeDetector.detect(day.symbol(), day.bars(), settings).stream()
                .filter(spike -> day.excused().stream().noneMatch(span -> overlaps(spike, span[0], span[1])))
                .toList();
    }

    /**
     * An event of at least {@link #SCORED_MULTIPLE} times the local mean counts as found when a spike overlaps
     * it; a spike is right when it overlaps any event, and is not counted when it overlaps an excused span
     * (the opening cross).
     */
    static Result score(List<EvaluationTape.Day> days, DetectorSettings settings) {
        long bars = 0;
        int events = 0;
        int spikes = 0;
        int found = 0;
        int right = 0;
        List<Double> delays = new ArrayList<>();
        Map<String, int[]> byKind = new LinkedHashMap<>();
        byKind.put("burst", new int[4]);
        byKind.put("block", new int[4]);
        for (EvaluationTape.Day day : days) {
            bars += day.bars().size();
            List<Spike> detected = detected(day, settings);
            spikes += detected.size();
            for (Spike spike : detected) {
                boolean onEvent = day.events().stream().anyMatch(event -> overlaps(spike, event.start(), event.end()));
                if (onEvent) {
                    right++;
                }
                int[] kind = byKind.get(spike.prints().name().toLowerCase(java.util.Locale.ROOT));
                if (kind != null) {
                    kind[SPIKES]++;
                    kind[RIGHT] += onEvent ? 1 : 0;
                }
            }
            for (InjectedEvent event : day.events()) {
                if (event.volumeMultiple() < SCORED_MULTIPLE) {
                    continue;
                }
                events++;
                Spike first = detected.stream().filter(spike -> overlaps(spike, event.start(), event.end()))
                        .findFirst().orElse(null);
                int[] kind = byKind.get(event.block() ? "block" : "burst");
                kind[EVENTS]++;
                if (first != null) {
                    found++;
                    delays.add(Math.max(0, first.start() - event.start()) / 1000.0);
                    kind[FOUND] += first.prints() == (event.block() ? Spike.Prints.BLOCK : Spike.Prints.BURST) ? 1 : 0;
                }
            }
        }
        double throughput = throughput(days, bars, settings);
        return new Result(days.size(), bars, events, spikes, found, right,
                delays.stream().mapToDouble(Double::doubleValue).toArray(), throughput, byKind);
    }

    private static final int SPIKES = 0;
    private static final int RIGHT = 1;
    private static final int EVENTS = 2;
    private static final int FOUND = 3;

    /** The acceptance is for events of this many times the local mean or more. */
    static final double SCORED_MULTIPLE = 10;

    private static boolean overlaps(Spike spike, long start, long end) {
        return spike.start() < end && spike.end() > start;
    }

    /** Bars per second through the detector on this thread, best of several rounds after a warm-up. */
    private static double throughput(List<EvaluationTape.Day> days, long bars, DetectorSettings settings) {
        double best = 0;
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long started = System.nanoTime();
            for (EvaluationTape.Day day : days) {
                sink += SpikeDetector.detect(day.symbol(), day.bars(), settings).size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            best = Math.max(best, bars / seconds);
        }
        return sink < 0 ? 0 : best;
    }
}
