package dev.tapewatch.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One figure over several runs: min, median and max, and the runs themselves. */
public record Spread(double[] runs) {

    public double min() {
        return Arrays.stream(runs).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(runs).max().orElse(Double.NaN);
    }

    public double median() {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The spread of {@code this / other} run by run (both measured in the same rounds). */
    public Spread over(Spread other) {
        double[] ratios = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            ratios[i] = runs[i] / other.runs[i];
        }
        return new Spread(ratios);
    }

    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("min", min());
        figures.put("median", median());
        figures.put("max", max());
        figures.put("runs", runs.clone());
        return figures;
    }

    /** "min / median / max" with thousands separators for large figures. */
    @Override
    public String toString() {
        return format(min()) + " / " + format(median()) + " / " + format(max());
    }

    private static String format(double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
