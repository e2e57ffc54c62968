package dev.tapewatch.ui;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.Coverage;
import java.util.List;

/**
 * Everything one chart update draws, prepared off the FX thread and never changed after: candles, closes,
 * volume (apart for bars inside a spike), the volume average over the detector's own window, the shaded bands
 * (spikes, coverage gaps, seconds an audit found missing) and, for a stored day, the time range to show.
 */
public record ChartSnapshot(List<Bar> bars, double[][] ohlc, double[] x, double[] close, double[] volume,
                     double[] spikeVolume, double[] average, List<Spike> spikes, List<Coverage.Gap> gaps,
                     List<Coverage.Gap> missing, long[] range) {

    /** A live update: bands are the symbol's spikes; the range follows separately. */
    static ChartSnapshot live(List<Bar> bars, List<Spike> spikes, int averageSeconds) {
        return of(bars, spikes, List.of(), List.of(), averageSeconds, null);
    }

    /** A stored day, shown whole. */
    static ChartSnapshot day(DayData day, int averageSeconds) {
        long[] range = day.bars().isEmpty()
                ? new long[] {ExchangeTime.toEpochMillis(day.day(), ExchangeTime.PRE_MARKET_OPEN),
                        ExchangeTime.toEpochMillis(day.day(), ExchangeTime.AFTER_HOURS_CLOSE)}
                : new long[] {day.bars().get(0).start(), day.bars().get(day.bars().size() - 1).end()};
        return of(day.bars(), day.spikes(), day.gaps(), day.missing(), averageSeconds, range);
    }

    /**
     * {@code averageSeconds}: the detector's baseline window; the average is over the previous seconds of time,
     * seconds without a bar counted as zero, as the detector counts them, and only over seconds since the first
     * bar of the series.
     */
    public static ChartSnapshot of(List<Bar> bars, List<Spike> spikes, List<Coverage.Gap> gaps, List<Coverage.Gap> missing,
                            int averageSeconds, long[] range) {
        int n = bars.size();
        double[] x = new double[n];
        double[][] ohlc = new double[7][n]; // x, open, high, low, close, volume, open interest
        double[] close = new double[n];
        double[] volume = new double[n];
        double[] spikeVolume = new double[n];
        double[] average = new double[n];
        int spikeCursor = 0;
        double windowSum = 0;
        int windowStart = 0;
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            x[i] = bar.start() / 1000.0;
            ohlc[0][i] = x[i];
            ohlc[1][i] = bar.open();
            ohlc[2][i] = bar.high();
            ohlc[3][i] = bar.low();
            ohlc[4][i] = bar.close();
            ohlc[5][i] = bar.volume();
            close[i] = bar.close();
            while (windowStart < i && bars.get(windowStart).start() < bar.start() - averageSeconds * 1000L) {
                windowSum -= bars.get(windowStart++).volume();
            }
            // Seconds before the series began are not known to be empty: until a whole window of the series has
            // passed, the average is over the seconds it has (a chart opened at launch otherwise shows the
            // average climbing from zero through its first minute).
            long known = (bar.start() - bars.get(0).start()) / 1000;
            average[i] = i == 0 ? bar.volume() : windowSum / Math.max(1, Math.min(averageSeconds, known));
            windowSum += bar.volume();
            while (spikeCursor < spikes.size() && spikes.get(spikeCursor).end() <= bar.start()) {
                spikeCursor++;
            }
            boolean inSpike = spikeCursor < spikes.size() && spikes.get(spikeCursor).contains(bar.start());
            volume[i] = inSpike ? 0 : bar.volume();
            spikeVolume[i] = inSpike ? bar.volume() : 0;
        }
        return new ChartSnapshot(List.copyOf(bars), ohlc, x, close, volume, spikeVolume, average, List.copyOf(spikes),
                gaps, missing, range);
    }
}
