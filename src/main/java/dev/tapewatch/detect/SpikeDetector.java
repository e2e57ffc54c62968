package dev.tapewatch.detect;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds volume and price spikes in one symbol's bars, fed in time order; O(1) amortised per bar, memory
 * bounded by the window. The same code runs live and over a stored day, so both find the same spikes.
 *
 * <p>Activity is counted in trades where the bar says how many (volume / average trade size), else in volume:
 * one block print is not a burst of trading, and a thin name's seconds only compare that way. Its baseline is a
 * moving window of <em>time</em> (a second without a bar had no trades), with three guards measured on two
 * tapes ({@code tapewatch bench detector}, README): the activity must also be {@code minMultiple} times the
 * usual, the larger of the moving average and an ordinary trading second (an EWMA over bars, so a thin name's
 * empty seconds do not make every trade a burst); the deviation is floored at half an ordinary second; and a
 * flagged value enters the baseline clipped to the threshold, so one burst does not hide the next.
 *
 * <p>Price moves are |log return| per square root of the seconds since the previous bar (prices diffuse), scored
 * against an EWMA mean and deviation over the seconds that traded; after a pause longer than the window the
 * baseline no longer describes the market, so such a bar is never a price spike by itself. Seconds known not to
 * be recorded ({@link #unrecorded}) restart the baselines rather than count as quiet. A spike whose peak score
 * stays below {@code minScore} is not reported: on both tapes, real events scored far above the noise a z of 4
 * lets through.
 *
 * <p>Re-sent bars: a replacement of the latest second corrects the baselines in place but does not revisit
 * the decision already made for that second; a replacement of an older second is too late for live
 * detection and is ignored (counted in {@link #lateBars()}). Re-scoring a stored day uses the final values.
 */
public final class SpikeDetector {
    private static final double FLOOR_SHARE_OF_TYPICAL_SECOND = 0.5;

    private final String symbol;
    private final DetectorSettings settings;
    private final Consumer<Spike> sink;
    private final List<long[]> unrecorded = new ArrayList<>();
    private MovingWindow activities;
    private MovingWindow volumes;
    private final double typicalWeight;
    private double typicalActivity;
    private double moveMean;
    private double moveVariance;
    private long movesSeen;
    private double lastClose = Double.NaN;
    private double closeBefore = Double.NaN;
    private long lastStart = Long.MIN_VALUE;
    private long lateBars;
    private OpenSpike open;

    public SpikeDetector(String symbol, DetectorSettings settings, Consumer<Spike> sink) {
        this.symbol = symbol;
        this.settings = settings;
        this.sink = sink;
        this.activities = new MovingWindow(settings.windowSeconds());
        this.volumes = new MovingWindow(settings.windowSeconds());
        this.typicalWeight = 2.0 / (settings.windowSeconds() + 1);
    }

    /** Runs a fresh detector over bars of one symbol in time order and returns the spikes it found. */
    public static List<Spike> detect(String symbol, List<Bar> bars, DetectorSettings settings) {
        return detect(symbol, bars, settings, List.of());
    }

    /** As {@link #detect(String, List, DetectorSettings)}, knowing the spans {from, to} that were not recorded. */
    public static List<Spike> detect(String symbol, List<Bar> bars, DetectorSettings settings,
                                     List<long[]> unrecorded) {
        List<Spike> spikes = new ArrayList<>();
        SpikeDetector detector = new SpikeDetector(symbol, settings, spikes::add);
        unrecorded.forEach(span -> detector.unrecorded(span[0], span[1]));
        bars.forEach(detector::accept);
        detector.finish();
        return spikes;
    }

    /**
     * The seconds in [from, to) were not recorded: they are unknown, not quiet. The first bar after them starts
     * the baselines afresh (the detector warms up again for one window) instead of being compared with seconds
     * counted as empty, and its price is not compared with the last one before the gap.
     */
    public void unrecorded(long from, long to) {
        unrecorded.add(new long[] {from, to});
    }

    /**
     * Whether a span not recorded lies between the previous bar and one starting at {@code start} (a span with
     * bars in it, such as a day imported without coverage, is not a hole between two of them).
     */
    private boolean unrecordedBefore(long start) {
        if (lastStart == Long.MIN_VALUE) {
            return false;
        }
        for (long[] span : unrecorded) {
            if (span[0] >= lastStart && span[1] <= start + 1000 && span[1] > span[0]) {
                return true;
            }
        }
        return false;
    }

    private void restartBaselines() {
        activities = new MovingWindow(settings.windowSeconds());
        volumes = new MovingWindow(settings.windowSeconds());
        typicalActivity = 0;
        movesSeen = 0;
        lastClose = Double.NaN;
        closeBefore = Double.NaN;
        lastStart = Long.MIN_VALUE;
    }

    public void accept(Bar bar) {
        if (bar.start() < lastStart) {
            lateBars++;
            return;
        }
        long second = Math.floorDiv(bar.start(), 1000);
        if (bar.start() == lastStart) {
            correct(second, bar);
            return;
        }
        closeIfCooledDown(bar.start());
        if (unrecordedBefore(bar.start())) {
            restartBaselines();
        }
        activities.advanceTo(second);
        boolean warm = activities.seconds() >= settings.windowSeconds();
        double elapsedSeconds = lastStart == Long.MIN_VALUE ? Double.NaN : (bar.start() - lastStart) / 1000.0;

        double activity = activity(bar);
        double activityMean = activities.mean();
        double activityDeviation = activityDeviation();
        double volumeScore = (activity - activityMean) / activityDeviation;
        double move = move(bar.close(), lastClose, elapsedSeconds);
        double moveDeviation = Math.max(Math.sqrt(moveVariance), 1e-6);
        double moveScore = (move - moveMean) / moveDeviation;

        boolean volumeFlag = warm && volumeScore >= settings.volumeThreshold() && bar.volume() >= settings.minVolume()
                && activity >= settings.minMultiple() * Math.max(activityMean, typicalActivity);
        // A price after a pause longer than the window (a quiet spell, or a recording gap) is judged against a
        // baseline that no longer describes the market: it is never a spike by itself.
        boolean priceFlag = warm && movesSeen >= settings.windowSeconds() && elapsedSeconds <= settings.windowSeconds()
                && moveScore >= settings.priceThreshold()
                && Math.abs(Math.log(bar.close() / lastClose)) >= settings.minReturn();
        if (volumeFlag || priceFlag) {
            double score = Math.max(volumeFlag ? volumeScore : 0, priceFlag ? moveScore : 0);
            flag(bar.start(), volumeFlag, priceFlag, score, bar.volume() / Math.max(volumeMean(), 1));
        }
        double activityCap = activityMean + settings.volumeThreshold() * activityDeviation;
        double baselineActivity = warm ? Math.min(activity, activityCap) : activity;
        activities.add(second, baselineActivity);
        // the volume baseline (for the reported multiple) is clipped in the same proportion as the activity
        volumes.add(second, activity > 0 ? bar.volume() * (baselineActivity / activity) : bar.volume());
        typicalActivity += (baselineActivity - typicalActivity) * (typicalActivity == 0 ? 1 : typicalWeight);
        if (!Double.isNaN(move) && elapsedSeconds <= settings.windowSeconds()) {
            double moveCap = moveMean + settings.priceThreshold() * moveDeviation;
            addMove(movesSeen >= settings.windowSeconds() ? Math.min(move, moveCap) : move);
        }
        closeBefore = lastClose;
        lastClose = bar.close();
        lastStart = bar.start();
    }

    /** Closes a spike still open at the end of the data. */
    public void finish() {
        if (open != null) {
            if (open.peakScore >= settings.minScore()) {
                sink.accept(open.toSpike(symbol));
            }
            open = null;
        }
    }

    /** Closes the open spike if {@code now} is past its cooldown (for live use when bars stop coming). */
    public void closeIfCooledDown(long now) {
        if (open != null && now - open.lastFlagged > settings.cooldownSeconds() * 1000L) {
            finish();
        }
    }

    /** Bars older than the latest second that arrived late and were ignored. */
    public long lateBars() {
        return lateBars;
    }

    private double activityDeviation() {
        return Math.max(Math.max(activities.deviation(), FLOOR_SHARE_OF_TYPICAL_SECOND * typicalActivity), 1);
    }

    private double volumeMean() {
        return volumes.mean();
    }

    /**
     * How much trading a second held: its number of trades where the provider says (volume / average trade
     * size), else its volume. Counting trades keeps one large print (a block) from looking like a burst of
     * trading, and is how a thin name's seconds compare at all.
     */
    private static double activity(Bar bar) {
        double size = bar.averageTradeSize();
        return Double.isFinite(size) && size > 0 ? bar.volume() / size : bar.volume();
    }

    /** |log return| per square root of the seconds it took (prices diffuse): NaN without a previous close. */
    private static double move(double close, double previous, double elapsedSeconds) {
        if (Double.isNaN(previous) || previous <= 0 || close <= 0 || !(elapsedSeconds > 0)) {
            return Double.NaN;
        }
        return Math.abs(Math.log(close / previous)) / Math.sqrt(elapsedSeconds);
    }

    /** Moves enter an exponentially weighted mean and variance over the seconds that traded. */
    private void addMove(double move) {
        if (movesSeen++ == 0) {
            moveMean = move;
            moveVariance = 0;
            return;
        }
        double difference = move - moveMean;
        moveMean += typicalWeight * difference;
        moveVariance = (1 - typicalWeight) * (moveVariance + typicalWeight * difference * difference);
    }

    private void correct(long second, Bar bar) {
        activities.add(second, activity(bar));
        volumes.add(second, bar.volume());
        lastClose = bar.close();
    }

    private void flag(long start, boolean volume, boolean price, double score, double multiple) {
        if (open == null) {
            open = new OpenSpike(start);
        }
        open.add(start, volume, price, score, multiple);
    }

    private static final class OpenSpike {
        final long start;
        long lastFlagged;
        long peakTime;
        double peakScore = Double.NEGATIVE_INFINITY;
        double peakMultiple;
        boolean volume;
        boolean price;

        OpenSpike(long start) {
            this.start = start;
        }

        void add(long time, boolean byVolume, boolean byPrice, double score, double multiple) {
            lastFlagged = time;
            volume |= byVolume;
            price |= byPrice;
            if (score > peakScore) {
                peakScore = score;
                peakTime = time;
                peakMultiple = multiple;
            }
        }

        Spike toSpike(String symbol) {
            Spike.Kind kind = volume && price ? Spike.Kind.BOTH : volume ? Spike.Kind.VOLUME : Spike.Kind.PRICE;
            return new Spike(symbol, start, lastFlagged + 1000, peakTime, kind, peakScore, peakMultiple);
        }
    }
}
