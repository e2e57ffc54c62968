package dev.tapewatch.detect;

/**
 * Tuning of the spike detector. {@code windowSeconds} is the moving window of time the baseline covers;
 * a second is flagged on volume when its z-score reaches {@code volumeThreshold} and its volume is at least
 * {@code minVolume} and {@code minMultiple} times the moving average; on price when the z-score of its absolute one-second return reaches
 * {@code priceThreshold} and the return is at least {@code minReturn}. Flagged seconds at most
 * {@code cooldownSeconds} apart belong to one spike, and a spike whose peak score stays below {@code minScore}
 * is not reported. The default minimum score comes from the evaluation ({@code tapewatch bench detector}, which
 * prints the score distributions): spikes on events score far above the other seconds a z of 4 flags (medians
 * 41 and 5.7 on the evaluation tape, 67 and 5.2 on the simulator); 10 keeps nearly all of the first and few
 * of the others.
 */
public record DetectorSettings(int windowSeconds, double volumeThreshold, double minVolume, double minMultiple,
                               double priceThreshold, double minReturn, int cooldownSeconds, double minScore) {
    public static final DetectorSettings DEFAULT = new DetectorSettings(60, 4, 100, 6, 5, 0.002, 2, 10);

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
