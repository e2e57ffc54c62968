package dev.tapewatch.app;

import dev.tapewatch.alert.MarketRules;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What alert rules need from the stored days, read on a thread of its own the first time a symbol asks on a day
 * (the feed's and the FX thread never wait on the database): the previous close, and the usual volume by time of
 * day behind relative volume. Until it is read the answer is NaN, and a rule that needs it does not fire yet.
 */
public final class AlertReferences implements MarketRules.Reference, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertReferences.class);
    private static final double[] NONE = new double[0];
    /** How far back a previous close is looked for (a long weekend, a holiday). */
    private static final long LOOK_BACK_MS = 7 * 86_400_000L;
    private final BarStore store;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(Threads.named("alert-reference"));
    private final Map<String, Double> closes = new ConcurrentHashMap<>();
    private final Map<String, double[]> profiles = new ConcurrentHashMap<>();

    public AlertReferences(BarStore store) {
        this.store = store;
    }

    @Override
    public double previousClose(String symbol, long time) {
        LocalDate day = ExchangeTime.dayOf(time);
        String key = symbol + " " + day;
        Double known = closes.get(key);
        if (known != null) {
            return known;
        }
        if (closes.putIfAbsent(key, Double.NaN) == null) {
            read(() -> {
                long start = ExchangeTime.startOfDay(day);
                List<Bar> last = store.lastBars(symbol, start - LOOK_BACK_MS, start, 1);
                closes.put(key, last.isEmpty() ? Double.NaN : last.get(0).close());
            });
        }
        return Double.NaN;
    }

    @Override
    public double relativeVolume(String symbol, double dayVolume, long time) {
        double[] profile = profile(symbol, ExchangeTime.dayOf(time), false);
        return profile == null || profile.length == 0 ? Double.NaN : RelativeVolume.ratio(profile, dayVolume, time);
    }

    /**
     * The usual cumulative volume by minute of {@code day}: read here and now when {@code wait} (a thread that may
     * wait on the database), else asked for and null until read; empty when no earlier day is stored.
     */
    double[] profile(String symbol, LocalDate day, boolean wait) {
        String key = symbol + " " + day;
        if (wait) {
            return profiles.computeIfAbsent(key, k -> orNone(RelativeVolume.profile(store, symbol, day)));
        }
        double[] known = profiles.get(key);
        if (known == null && profiles.putIfAbsent(key + " asked", NONE) == null) {
            read(() -> profiles.computeIfAbsent(key, k -> orNone(RelativeVolume.profile(store, symbol, day))));
        }
        return known;
    }

    private static double[] orNone(double[] profile) {
        return profile == null ? NONE : profile;
    }

    private void read(Runnable work) {
        try {
            reader.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Could not read what an alert rule needs from the database: {}", e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Stops after the reads asked for, without waiting for them (the FX thread may call it). */
    public void closeLater() {
        reader.shutdown();
    }

    /** Finishes a read under way (never interrupted: it may be in the database). */
    @Override
    public void close() throws InterruptedException {
        reader.shutdown();
        reader.awaitTermination(10, TimeUnit.SECONDS);
    }
}
