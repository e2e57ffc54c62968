package dev.tapewatch.sim;

import java.util.SplittableRandom;

/** Poisson counts (trades in a second): Knuth's product method, a normal approximation above a mean of 30. */
public final class Poisson {
    private Poisson() {
    }

    public static int sample(SplittableRandom random, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
