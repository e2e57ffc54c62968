package dev.tapewatch.study;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import java.util.List;
import java.util.Locale;

/**
 * What the price did after one spike. Definitions (also in {@code study --help} and the README):
 * <ul>
 * <li>the <em>reference</em> is the close of the last bar before the spike's first second;</li>
 * <li>the <em>end</em> is the spike's last second, which starts 1 s before the spike's {@code end_ms} (exclusive,
 * as a bar's {@code end_ms} is);</li>
 * <li>the close at a horizon h is the close of the last bar that starts at or before end + h; a horizon past the
 * day's last stored bar has no value;</li>
 * <li>{@code ret_h_pct} = 100 × (close at h / reference − 1), and {@code move_pct} is that at the end itself;</li>
 * <li>{@code gave_back_h_pct} = 100 × (move − ret_h) / move: 0 held, 100 back to the reference;</li>
 * <li>at 5 min a spike <em>continued</em> when it moved further the same way (sign(move) × ret_5m &gt; |move|),
 * <em>reversed</em> when it gave back more than half, and otherwise <em>held</em>.</li>
 * </ul>
 * Bars are those of the spike's trading day only.
 */
public record SpikePath(Spike spike, String kind, double reference, double movePct, double[] returnsPct,
                        double[] normalisedPath) {
    /** The horizons after the end, in seconds, and their CSV names. */
    public static final long[] HORIZONS = {5, 30, 60, 300, 900};
    public static final List<String> HORIZON_NAMES = List.of("5s", "30s", "1m", "5m", "15m");
    /** The normalised path is sampled every second from 60 s before the end to 900 s after it. */
    public static final int PATH_BEFORE = 60;
    public static final int PATH_AFTER = 900;

    public enum Outcome { CONTINUED, HELD, REVERSED, UNKNOWN }

    /** The path after {@code spike} in its day's bars (time order), or null when no bar precedes it that day. */
    static SpikePath of(Spike spike, List<Bar> dayBars, long[] starts) {
        int before = lastAtOrBefore(starts, spike.start() - 1);
        if (before < 0) {
            return null;
        }
        double reference = dayBars.get(before).close();
        long end = endSecond(spike);
        long lastStart = starts[starts.length - 1];
        double move = returnPct(dayBars, starts, end, reference, lastStart);
        double[] returns = new double[HORIZONS.length];
        for (int i = 0; i < HORIZONS.length; i++) {
            returns[i] = returnPct(dayBars, starts, end + HORIZONS[i] * 1000, reference, lastStart);
        }
        double[] path = new double[PATH_BEFORE + PATH_AFTER + 1];
        for (int s = -PATH_BEFORE; s <= PATH_AFTER; s++) {
            double ret = returnPct(dayBars, starts, end + s * 1000L, reference, lastStart);
            path[s + PATH_BEFORE] = move == 0 ? Double.NaN : ret / move;
        }
        return new SpikePath(spike, kindName(spike), reference, move, returns, path);
    }

    /** The start of the spike's last second. */
    public static long endSecond(Spike spike) {
        return spike.end() - 1000;
    }

    public static String kindName(Spike spike) {
        return spike.kind().name().toLowerCase(Locale.ROOT);
    }

    public double returnPct(String horizon) {
        return returnsPct[HORIZON_NAMES.indexOf(horizon)];
    }

    /** Percent of the move given back at a horizon; NaN without a move or a close there. */
    public double gaveBackPct(String horizon) {
        double ret = returnPct(horizon);
        return movePct == 0 || Double.isNaN(ret) ? Double.NaN : 100 * (movePct - ret) / movePct;
    }

    public Outcome outcome() {
        double ret = returnPct("5m");
        if (movePct == 0 || Double.isNaN(ret)) {
            return Outcome.UNKNOWN;
        }
        if (Math.signum(movePct) * ret > Math.abs(movePct)) {
            return Outcome.CONTINUED;
        }
        return gaveBackPct("5m") > 50 ? Outcome.REVERSED : Outcome.HELD;
    }

    private static double returnPct(List<Bar> bars, long[] starts, long time, double reference, long lastStart) {
        if (time > lastStart) {
            return Double.NaN;
        }
        int index = lastAtOrBefore(starts, time);
        return index < 0 ? Double.NaN : 100 * (bars.get(index).close() / reference - 1);
    }

    /** Index of the last start at or before {@code time}, or -1. */
    private static int lastAtOrBefore(long[] starts, long time) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
