package dev.tapewatch.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The typical path of price around spikes of one kind, normalised to the move (0 = the reference, 1 = the close at
 * the spike's end), each second from {@link SpikePath#PATH_BEFORE} before the end to {@link SpikePath#PATH_AFTER}
 * after it: the median and the middle half (25th to 75th percentile) of the spikes that have a value there.
 * Medians rather than means: a spike with a tiny move makes a huge ratio that a mean would follow.
 */
public record AveragePath(String kind, int spikes, double[] median, double[] lowerQuartile, double[] upperQuartile) {

    /** Seconds from the spike's end of each point. */
    public static int secondsAt(int index) {
        return index - SpikePath.PATH_BEFORE;
    }

    /** One path per kind (name order), over the spikes that moved. */
    public static List<AveragePath> byKind(List<SpikePath> paths) {
        Map<String, List<SpikePath>> byKind = new TreeMap<>();
        for (SpikePath path : paths) {
            if (path.movePct() != 0) {
                byKind.computeIfAbsent(path.kind(), k -> new ArrayList<>()).add(path);
            }
        }
        List<AveragePath> averages = new ArrayList<>();
        byKind.forEach((kind, list) -> averages.add(of(kind, list)));
        return averages;
    }

    static AveragePath of(String kind, List<SpikePath> paths) {
        int points = SpikePath.PATH_BEFORE + SpikePath.PATH_AFTER + 1;
        double[] median = new double[points];
        double[] lower = new double[points];
        double[] upper = new double[points];
        double[] values = new double[paths.size()];
        for (int i = 0; i < points; i++) {
            int known = 0;
            for (SpikePath path : paths) {
                double value = path.normalisedPath()[i];
                if (!Double.isNaN(value)) {
                    values[known++] = value;
                }
            }
            double[] sorted = Arrays.copyOf(values, known);
            Arrays.sort(sorted);
            median[i] = quantile(sorted, 0.5);
            lower[i] = quantile(sorted, 0.25);
            upper[i] = quantile(sorted, 0.75);
        }
        return new AveragePath(kind, paths.size(), median, lower, upper);
    }

    /** Linear interpolation between the closest ranks; NaN for no values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
