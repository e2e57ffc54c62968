package dev.tapewatch.ui;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.List;

/**
 * Everything one chart update draws, prepared off the FX thread and never changed after: candles, closes,
 * volume (apart for bars inside a spike) and the volume average, all over the same bars.
 */
record ChartSnapshot(List<Bar> bars, double[][] ohlc, double[] x, double[] close, double[] volume,
                     double[] spikeVolume, double[] average) {
    /** The volume average's window: the previous 60 s of time, seconds without a bar counted as zero. */
    static final int AVERAGE_SECONDS = 60;

    static ChartSnapshot of(List<Bar> bars, List<Spike> spikes) {
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
            while (windowStart < i && bars.get(windowStart).start() <= bar.start() - AVERAGE_SECONDS * 1000L) {
                windowSum -= bars.get(windowStart++).volume();
            }
            average[i] = windowSum / AVERAGE_SECONDS;
            windowSum += bar.volume();
            while (spikeCursor < spikes.size() && spikes.get(spikeCursor).end() <= bar.start()) {
                spikeCursor++;
            }
            boolean inSpike = spikeCursor < spikes.size() && spikes.get(spikeCursor).contains(bar.start());
            volume[i] = inSpike ? 0 : bar.volume();
            spikeVolume[i] = inSpike ? bar.volume() : 0;
        }
        return new ChartSnapshot(List.copyOf(bars), ohlc, x, close, volume, spikeVolume, average);
    }
}
