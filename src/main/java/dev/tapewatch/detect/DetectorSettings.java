package dev.tapewatch.detect;

/**
 * Tuning of the spike detector. {@code windowSeconds} is the moving window of time the volume guard and the
 * warm-up cover; a second is flagged on volume when it is at least {@code minVolume} shares and
 * {@code minMultiple} times the symbol's usual traded second, and stands {@code volumeThreshold} deviations above
 * the window; on price when the z-score of its absolute one-second return reaches {@code priceThreshold} and the
 * return is at least {@code minReturn}. Flagged seconds at most {@code cooldownSeconds} apart belong to one spike,
 * and a spike whose peak score (a volume spike's multiple, a price spike's z) stays below {@code minScore} is not
 * reported. {@code tapewatch bench detector} prints how these do on two tapes, by kind.
 */
public record DetectorSettings(int windowSeconds, double volumeThreshold, double minVolume, double minMultiple,
                               double priceThreshold, double minReturn, int cooldownSeconds, double minScore) {
    public static final DetectorSettings DEFAULT = new DetectorSettings(60, 4, 100, 10, 5, 0.002, 2, 10);

    public DetectorSettings {
        if (windowSeconds < 5 || windowSeconds > 3600) {
            throw new IllegalArgumentException("window must be 5 to 3600 seconds, was " + windowSeconds);
        }
        if (!(volumeThreshold > 0) || !(priceThreshold > 0)) {
            throw new IllegalArgumentException("thresholds must be > 0");
        }
        if (minVolume < 0 || minMultiple < 0 || minReturn < 0 || cooldownSeconds < 0 || minScore < 0) {
            throw new IllegalArgumentException("minimums and cooldown must be >= 0");
        }
    }
}
