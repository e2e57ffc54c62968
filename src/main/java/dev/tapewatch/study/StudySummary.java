package dev.tapewatch.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spikes grouped by kind and score band: how many continued and how many reversed at 5 min (rates with Wilson 95 %
 * score intervals, over the spikes whose 5-min outcome is known), and the median path normalised to the move.
 */
public final class StudySummary {
    /** Score bands by lower bound. */
    public static final double[] BANDS = {0, 6, 10, 20};

    /** A rate k / n with its Wilson 95 % interval. */
    public record Rate(int count, int of, double low, double high) {
        public double value() {
            return of == 0 ? Double.NaN : count / (double) of;
        }
    }

    /** One kind and score band; {@code medianPath} is the median of ret_h / move at each horizon. */
    public record Group(String kind, String band, int spikes, int known, Rate continued, Rate reversed, int held,
                        double medianMovePct, double[] medianPath) {
    }

    private StudySummary() {
    }

    public static String band(double score) {
        for (int i = BANDS.length - 1; i >= 0; i--) {
            if (score >= BANDS[i]) {
                return i == BANDS.length - 1 ? "≥" + format(BANDS[i]) : format(BANDS[i]) + "–" + format(BANDS[i + 1]);
            }
        }
        return "<" + format(BANDS[0]);
    }

    /** By kind (name order) then band (score order), and an "all" row per kind. */
    public static List<Group> groups(List<SpikePath> paths) {
        Map<String, Map<Double, List<SpikePath>>> byKind = new TreeMap<>();
        for (SpikePath path : paths) {
            double lower = BANDS[0];
            for (double bound : BANDS) {
                if (path.spike().peakScore() >= bound) {
                    lower = bound;
                }
            }
            byKind.computeIfAbsent(path.kind(), k -> new TreeMap<>()).computeIfAbsent(lower, b -> new ArrayList<>())
                    .add(path);
        }
        List<Group> groups = new ArrayList<>();
        for (var kind : byKind.entrySet()) {
            List<SpikePath> all = new ArrayList<>();
            for (var band : kind.getValue().entrySet()) {
                groups.add(group(kind.getKey(), band(band.getKey()), band.getValue()));
                all.addAll(band.getValue());
            }
            if (kind.getValue().size() > 1) {
                groups.add(group(kind.getKey(), "all", all));
            }
        }
        return groups;
    }

    static Group group(String kind, String band, List<SpikePath> paths) {
        Map<SpikePath.Outcome, Integer> outcomes = new LinkedHashMap<>();
        for (SpikePath path : paths) {
            outcomes.merge(path.outcome(), 1, Integer::sum);
        }
        int continued = outcomes.getOrDefault(SpikePath.Outcome.CONTINUED, 0);
        int reversed = outcomes.getOrDefault(SpikePath.Outcome.REVERSED, 0);
        int held = outcomes.getOrDefault(SpikePath.Outcome.HELD, 0);
        int known = continued + reversed + held;
        double[] medianPath = new double[SpikePath.HORIZONS.length];
        for (int h = 0; h < medianPath.length; h++) {
            int horizon = h;
            medianPath[h] = median(paths.stream().filter(p -> p.movePct() != 0)
                    .mapToDouble(p -> p.returnsPct()[horizon] / p.movePct()).toArray());
        }
        double medianMove = median(paths.stream().mapToDouble(SpikePath::movePct).toArray());
        return new Group(kind, band, paths.size(), known, wilson(continued, known), wilson(reversed, known), held,
                medianMove, medianPath);
    }

    /** Wilson's score interval at 95 % (z = 1.96): sound for small counts and rates near 0 or 1. */
    public static Rate wilson(int count, int of) {
        if (of == 0) {
            return new Rate(0, 0, Double.NaN, Double.NaN);
        }
        double z = 1.959964;
        double p = count / (double) of;
        double z2 = z * z;
        double centre = (p + z2 / (2 * of)) / (1 + z2 / of);
        double half = z / (1 + z2 / of) * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of));
        return new Rate(count, of, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The median of the values that are not NaN; NaN when there are none. */
    public static double median(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int middle = known.length / 2;
        return known.length % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
