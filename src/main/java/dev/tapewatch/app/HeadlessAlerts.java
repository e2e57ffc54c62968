package dev.tapewatch.app;

import dev.tapewatch.alert.Alert;
import dev.tapewatch.alert.AlertDelivery;
import dev.tapewatch.alert.AlertRules;
import dev.tapewatch.alert.AlertSink;
import dev.tapewatch.alert.MarketRule;
import dev.tapewatch.alert.MarketRules;
import dev.tapewatch.alert.SpikeMove;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Alerts without a window ({@code record}, {@code movers}): the window's rules judge the recorder's spikes and
 * bars on the feed's delivery thread (cheap, no I/O), and each alert goes to the delivery queue, whose thread adds
 * the relative volume (a read of the stored days) and delivers it. Keeps each symbol's last two minutes of bars
 * to tell a spike's move.
 */
public final class HeadlessAlerts implements FeedListener, AutoCloseable {
    private static final long KEPT_MS = 120_000;
    private final AlertRules rules;
    private final Set<String> kinds;
    private final AlertDelivery delivery;
    private final List<Consumer<Alert>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Deque<Bar>> recent = new HashMap<>();
    private final Map<String, double[]> dayVolumes = new HashMap<>(); // {day as epoch day, volume}
    private final List<Spike> waiting = new ArrayList<>();
    private final AlertReferences references;
    private final MarketRules marketRules;

    /**
     * {@code kinds}: the alert kinds ({@link Alert.Kind#id()}) or spike kinds ("volume", "price", "both") that
     * alert; empty: all. {@code sinks} may be empty (alerts then only reach {@link #onAlert} listeners).
     */
    public HeadlessAlerts(AlertRules rules, List<MarketRule> marketRules, Set<String> kinds, List<AlertSink> sinks,
                          BarStore store) {
        this.rules = rules;
        this.kinds = Set.copyOf(kinds);
        this.references = new AlertReferences(store);
        this.marketRules = new MarketRules(marketRules, references);
        this.delivery = new AlertDelivery(sinks, this::complete, Threads.named("alert-delivery"));
    }

    /** Judges the spikes of {@code pipeline} (call before it starts). */
    public void watch(Pipeline pipeline) {
        pipeline.spikes().onSpike(this::spike);
    }

    /** Called with each alert once complete, on the delivery thread (a relay publishing it). */
    public void onAlert(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    public AlertDelivery delivery() {
        return delivery;
    }

    @Override
    public synchronized void bars(List<Bar> bars) {
        for (Bar bar : bars) {
            Deque<Bar> kept = recent.computeIfAbsent(bar.symbol(), s -> new ArrayDeque<>());
            if (!kept.isEmpty() && kept.peekLast().start() == bar.start()) {
                kept.pollLast(); // a replacement
                countDay(bar, -1);
            }
            kept.addLast(bar);
            countDay(bar, 1);
            while (kept.peekFirst().start() < bar.start() - KEPT_MS) {
                kept.pollFirst();
            }
            rules.bar(bar).forEach(this::raise);
            marketRules.bar(bar).forEach(this::raise);
        }
        List<Spike> ready = new ArrayList<>(waiting);
        waiting.clear();
        ready.forEach(this::judge);
    }

    /** The detector runs before this listener sees a batch: a spike closed by it is judged after its bars. */
    private synchronized void spike(Spike spike) {
        Deque<Bar> kept = recent.get(spike.symbol());
        if (kept != null && !kept.isEmpty() && kept.peekLast().end() >= spike.end()) {
            judge(spike);
        } else {
            waiting.add(spike);
        }
    }

    private void judge(Spike spike) {
        SpikeMove move = SpikeMove.of(List.copyOf(recent.getOrDefault(spike.symbol(), new ArrayDeque<>())), spike);
        if (move == null) {
            return;
        }
        if (Double.isNaN(move.dayVolume())) {
            double[] day = dayVolumes.get(spike.symbol());
            move = move.withDayVolume(day == null ? Double.NaN : day[1]);
        }
        rules.spike(spike, move).ifPresent(this::raise);
    }

    private void countDay(Bar bar, int sign) {
        long day = ExchangeTime.dayOf(bar.start()).toEpochDay();
        double[] count = dayVolumes.computeIfAbsent(bar.symbol(), s -> new double[] {day, 0});
        if (count[0] != day) {
            count[0] = day;
            count[1] = 0;
        }
        count[1] += sign * bar.volume();
    }

    private void raise(Alert alert) {
        boolean wanted = kinds.isEmpty() || kinds.contains(alert.kind().id())
                || (alert.spikeKind() != null && kinds.contains(alert.spikeKind().name().toLowerCase(
                        java.util.Locale.ROOT)));
        if (wanted) {
            delivery.offer(alert);
        }
    }

    /** On the delivery thread: the relative volume from the stored days (read once per symbol and day). */
    private Alert complete(Alert alert) {
        double[] profile = references.profile(alert.symbol(), ExchangeTime.dayOf(alert.time()), true);
        Alert complete = alert.withRelativeVolume(profile.length == 0 ? Double.NaN
                : RelativeVolume.ratio(profile, alert.dayVolume(), alert.time()));
        listeners.forEach(listener -> listener.accept(complete));
        return complete;
    }

    /** Delivers what is queued (up to {@code grace}, retries included); call after the pipeline has closed. */
    public void close(Duration grace) throws InterruptedException {
        delivery.close(grace);
        references.close();
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(5));
    }
}
