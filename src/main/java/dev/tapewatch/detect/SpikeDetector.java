package dev.tapewatch.detect;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds volume and price spikes in one symbol's bars, fed in time order; O(1) amortised per bar, memory
 * bounded by the window. The same code runs live and over a stored day, so both find the same spikes.
 *
 * <p>A second is a volume spike when its volume is {@code minMultiple} times the symbol's usual volume of a
 * <em>traded</em> second (a running mean over the seconds that had bars, so a thin name's empty seconds do not
 * make every trade look big), whatever made it: a burst of trades or a few large block prints. Where the bar says
 * how many trades it held (volume / average trade size) the spike says which ({@link Spike.Prints}): trades that
 * rose about as much as the volume are a burst, fewer are block prints. As a guard against a busy name's ordinary
 * swings its volume must also stand {@code volumeThreshold} deviations above a moving window of <em>time</em>
 * (empty seconds count as zero), the deviation floored at half a usual traded second. A flagged second enters the
 * baselines clipped, so one burst does not hide the next. In a thin name (a traded second usually holds fewer
 * than two trades) a second of one trade is never a spike: sizes of single trades vary too much to tell. The opening and closing crosses (the auction prints in
 * the first seconds after 09:30 and 16:00 New York) are never volume spikes and leave the baselines alone; the
 * regular session, busier than the pre-market, learns its usual second afresh after the opening cross.
 *
 * <p>Price moves are |log return| per square root of the seconds since the previous bar (prices diffuse), scored
 * against an EWMA mean and deviation over the seconds that traded; after a pause longer than the window the
 * baseline no longer describes the market, so such a bar is never a price spike by itself; and a move of fewer than
 * three ticks never is one (for a $3 stock one cent is 0.3%, an ordinary step between bid and ask). Seconds known not to
 * be recorded ({@link #unrecorded}) restart the baselines rather than count as quiet. A volume spike scores its
 * multiple, a price spike its deviations; a spike whose peak score stays below {@code minScore} is not reported.
 *
 * <p>Re-sent bars: a replacement of the latest second corrects the baselines in place but does not revisit
 * the decision already made for that second; a replacement of an older second is too late for live
 * detection and is ignored (counted in {@link #lateBars()}). Re-scoring a stored day uses the final values.
 */
public final class SpikeDetector {
    private static final double FLOOR_SHARE_OF_TYPICAL_SECOND = 0.5;
    /** Traded seconds the usual volume must have seen before a second is judged against it. */
    private static final int MIN_TRADED_SECONDS = 10;
    /** How long after the bell an auction's prints may still arrive. */
    private static final long CROSS_MILLIS = 2_000;
    /**
     * Weight of a traded second in the usual one: a mean over about 300 traded seconds (five minutes of a busy
     * name, longer for a thin one), long enough that a few large trades do not make it swing.
     */
    private static final double USUAL_WEIGHT = 2.0 / 301;
    /** A price spike moves at least this many ticks: a cheap stock's one-tick step is a large return but no move. */
    private static final int MIN_TICKS = 3;
    /** Trades that rose by at least this share of the volume's multiple make a burst; fewer, block prints. */
    private static final double BURST_SHARE_OF_MULTIPLE = 0.5;

    private final String symbol;
    private final DetectorSettings settings;
    private final Consumer<Spike> sink;
    private final List<long[]> unrecorded = new ArrayList<>();
    private final double typicalWeight;
    private MovingWindow volumes;
    private double typicalVolume;
    private double typicalTrades;
    private long tradedSeconds;
    private double moveMean;
    private double moveVariance;
    private long movesSeen;
    private double lastClose = Double.NaN;
    private long lastStart = Long.MIN_VALUE;
    private long lateBars;
    private long crossDay = Long.MIN_VALUE;
    private long openingCross;
    private long closingCross;
    private OpenSpike open;

    public SpikeDetector(String symbol, DetectorSettings settings, Consumer<Spike> sink) {
        this.symbol = symbol;
        this.settings = settings;
        this.sink = sink;
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
        volumes = new MovingWindow(settings.windowSeconds());
        typicalVolume = 0;
        typicalTrades = 0;
        tradedSeconds = 0;
        movesSeen = 0;
        lastClose = Double.NaN;
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
        volumes.advanceTo(second);
        boolean warm = volumes.seconds() >= settings.windowSeconds();
        double elapsedSeconds = lastStart == Long.MIN_VALUE ? Double.NaN : (bar.start() - lastStart) / 1000.0;

        double volume = bar.volume();
        double trades = trades(bar);
        double windowMean = volumes.mean();
        double deviation = volumeDeviation();
        double multiple = volume / Math.max(typicalVolume, 1);
        boolean cross = inCross(bar.start());
        if (lastStart < openingCross && bar.start() >= openingCross && tradedSeconds > 0) {
            // the regular session trades on another scale than the pre-market: its usual second is learnt afresh
            tradedSeconds = 0;
        }
        boolean volumeFlag = warm && tradedSeconds >= MIN_TRADED_SECONDS && !cross
                && volume >= settings.minVolume() && multiple >= settings.minMultiple()
                && !(trades < 2 && typicalTrades < 2)
                && (volume - windowMean) / deviation >= settings.volumeThreshold();
        double move = move(bar.close(), lastClose, elapsedSeconds);
        double moveDeviation = Math.max(Math.sqrt(moveVariance), 1e-6);
        double moveScore = (move - moveMean) / moveDeviation;
        // A price after a pause longer than the window (a quiet spell, or a recording gap) is judged against a
        // baseline that no longer describes the market: it is never a spike by itself.
        boolean priceFlag = warm && movesSeen >= settings.windowSeconds() && elapsedSeconds <= settings.windowSeconds()
                && moveScore >= settings.priceThreshold()
                && Math.abs(Math.log(bar.close() / lastClose)) >= settings.minReturn()
                && Math.abs(bar.close() - lastClose) >= MIN_TICKS * tick(lastClose) - 1e-9;
        if (volumeFlag || priceFlag) {
            double score = Math.max(volumeFlag ? multiple : 0, priceFlag ? moveScore : 0);
            boolean burst = !(trades > 0) || !(typicalTrades > 0)
                    || trades / typicalTrades >= BURST_SHARE_OF_MULTIPLE * multiple;
            flag(bar.start(), volumeFlag, priceFlag, score, multiple, burst);
        }
        boolean flagged = volumeFlag || cross;
        volumes.add(second, flagged ? Math.min(volume, windowMean + settings.volumeThreshold() * deviation) : volume);
        if (!flagged) {
            // an unflagged large second counts, capped at a spike's size: dropping the tail would make the usual
            // second too small and every larger trade look like a spike
            tradedSeconds++;
            double weight = Math.max(USUAL_WEIGHT, 1.0 / tradedSeconds);
            double capped = tradedSeconds > MIN_TRADED_SECONDS
                    ? Math.min(volume, settings.minMultiple() * typicalVolume) : volume;
            typicalVolume += (capped - typicalVolume) * weight;
            typicalTrades += ((trades > 0 ? trades : 0) - typicalTrades) * weight;
        }
        if (!Double.isNaN(move) && elapsedSeconds <= settings.windowSeconds()) {
            double moveCap = moveMean + settings.priceThreshold() * moveDeviation;
            addMove(movesSeen >= settings.windowSeconds() ? Math.min(move, moveCap) : move);
        }
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

    /**
     * The spike still open as it stands after the latest bar (its peak so far), or null when there is none or it
     * has not yet scored {@code minScore}: what a live list shows the second a spike starts, before it closes.
     */
    public Spike openSpike() {
        return open == null || open.peakScore < settings.minScore() ? null : open.toSpike(symbol);
    }

    /** Bars older than the latest second that arrived late and were ignored. */
    public long lateBars() {
        return lateBars;
    }

    private double volumeDeviation() {
        return Math.max(Math.max(volumes.deviation(), FLOOR_SHARE_OF_TYPICAL_SECOND * typicalVolume), 1);
    }

    /** Whether a bar starting at {@code start} falls in the opening or closing cross of its day. */
    private boolean inCross(long start) {
        long day = Math.floorDiv(start, 86_400_000L);
        if (day != crossDay) {
            LocalDate date = ExchangeTime.dayOf(start);
            crossDay = day;
            openingCross = ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_OPEN);
            closingCross = ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_CLOSE);
        }
        return (start >= openingCross && start < openingCross + CROSS_MILLIS)
                || (start >= closingCross && start < closingCross + CROSS_MILLIS);
    }

    /** The minimum price increment at that price: a cent from a dollar up, else a hundredth of a cent. */
    private static double tick(double price) {
        return price >= 1 ? 0.01 : 0.0001;
    }

    /** The second's number of trades where the provider says (volume / average trade size), else NaN. */
    private static double trades(Bar bar) {
        double size = bar.averageTradeSize();
        return Double.isFinite(size) && size > 0 ? Math.max(1, Math.round(bar.volume() / size)) : Double.NaN;
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
        volumes.add(second, bar.volume());
        lastClose = bar.close();
    }

    private void flag(long start, boolean volume, boolean price, double score, double multiple, boolean burst) {
        if (open == null) {
            open = new OpenSpike(start);
        }
        open.add(start, volume, price, score, multiple, burst);
    }

    private static final class OpenSpike {
        final long start;
        long lastFlagged;
        long peakTime;
        double peakScore = Double.NEGATIVE_INFINITY;
        double peakMultiple;
        double peakVolumeMultiple;
        boolean volume;
        boolean price;
        boolean burst = true;

        OpenSpike(long start) {
            this.start = start;
        }

        void add(long time, boolean byVolume, boolean byPrice, double score, double multiple, boolean isBurst) {
            lastFlagged = time;
            price |= byPrice;
            if (byVolume && multiple > peakVolumeMultiple) {
                // the spike's prints are those of its largest second of volume
                peakVolumeMultiple = multiple;
                burst = isBurst;
            }
            volume |= byVolume;
            if (score > peakScore) {
                peakScore = score;
                peakTime = time;
                peakMultiple = multiple;
            }
        }

        Spike toSpike(String symbol) {
            Spike.Kind kind = volume && price ? Spike.Kind.BOTH : volume ? Spike.Kind.VOLUME : Spike.Kind.PRICE;
            Spike.Prints prints = !volume ? Spike.Prints.NONE : burst ? Spike.Prints.BURST : Spike.Prints.BLOCK;
            return new Spike(symbol, start, lastFlagged + 1000, peakTime, kind, peakScore, peakMultiple, prints);
        }
    }
}
