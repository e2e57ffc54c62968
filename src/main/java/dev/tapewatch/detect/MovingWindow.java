package dev.tapewatch.detect;

import java.util.Arrays;

/**
 * Mean and standard deviation of one value per second over the last {@code size} seconds of time, where a
 * second nobody reported counts as zero (no trades: no volume, no price change). O(1) amortised per second:
 * a gap costs at most {@code size} steps, and the running sums are recomputed now and then so rounding
 * errors cannot build up.
 */
final class MovingWindow {
    private final double[] values;
    private double sum;
    private double sumOfSquares;
    private long newest = Long.MIN_VALUE;
    private long seen;
    private int addsSinceRecompute;

    MovingWindow(int size) {
        values = new double[size];
    }

    /** Ends the window at {@code second} - 1: seconds skipped since the newest one are zeros. */
    void advanceTo(long second) {
        if (newest == Long.MIN_VALUE) {
            newest = second - 1;
            return;
        }
        long gap = second - 1 - newest;
        if (gap <= 0) {
            return;
        }
        if (gap >= values.length) {
            Arrays.fill(values, 0);
            sum = 0;
            sumOfSquares = 0;
        } else {
            for (long s = newest + 1; s < second; s++) {
                set(slot(s), 0);
            }
        }
        seen += gap;
        newest = second - 1;
    }

    /** Sets the value of {@code second}; the newest second again replaces its value (a re-sent bar). */
    void add(long second, double value) {
        advanceTo(second);
        if (second != newest) {
            seen++;
            newest = second;
        }
        set(slot(second), value);
        if (++addsSinceRecompute >= values.length * 16) {
            recompute();
        }
    }

    /** Seconds of time seen, up to the window's size: below it the window is still warming up. */
    long seconds() {
        return Math.min(seen, values.length);
    }

    double mean() {
        return sum / values.length;
    }

    double deviation() {
        double mean = mean();
        return Math.sqrt(Math.max(0, sumOfSquares / values.length - mean * mean));
    }

    private void set(int slot, double value) {
        double old = values[slot];
        sum += value - old;
        sumOfSquares += value * value - old * old;
        values[slot] = value;
    }

    private void recompute() {
        sum = 0;
        sumOfSquares = 0;
        for (double value : values) {
            sum += value;
            sumOfSquares += value * value;
        }
        addsSinceRecompute = 0;
    }

    private int slot(long second) {
        return (int) Math.floorMod(second, values.length);
    }
}
