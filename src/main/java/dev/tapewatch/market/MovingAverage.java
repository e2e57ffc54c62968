package dev.tapewatch.market;

/** Moving averages of a series of values (closes, usually). */
public final class MovingAverage {
    private MovingAverage() {
    }

    /**
     * The simple moving average of the last {@code length} values at each value from index {@code skip} on (those
     * before only warm it up, so a window's average starts at its left edge); NaN until there are that many.
     */
    public static double[] simple(double[] values, int length, int skip) {
        double[] mean = new double[values.length - skip];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= length) {
                sum -= values[i - length];
            }
            if (i >= skip) {
                mean[i - skip] = i >= length - 1 ? sum / length : Double.NaN;
            }
        }
        return mean;
    }
}
