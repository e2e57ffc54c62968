package dev.tapewatch.ui;

import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Spike;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.slf4j.LoggerFactory;

/**
 * What the chart shows, decided off the FX thread. Its feeder thread has one job: at most 30 times a second,
 * when the live symbol's bars changed, it builds one {@link ChartSnapshot} (bars, average, bands) and hands it to
 * the view, which applies it whole on the FX thread; a stored day is turned into one snapshot the same way.
 * While following, the visible range is moved to the newest bars, coalesced to one pending move.
 */
public final class ChartViewModel {
    /** Where snapshots and range moves go: the chart. {@code show} from any thread, {@code follow} on the FX thread. */
    interface Sink {
        void show(ChartSnapshot snapshot);

        void follow(long from, long to);
    }

    static final List<String> WINDOWS = List.of("1 min", "5 min", "15 min", "1 h", "day");
    private static final long[] WINDOW_MILLIS = {60_000, 300_000, 900_000, 3_600_000, 16 * 3_600_000};
    private static final int BANDED_SPIKES = 100;

    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(
            Threads.named("chart-feeder"));
    private final AtomicBoolean followPending = new AtomicBoolean();
    private volatile Sink sink;
    private volatile LiveSession session;
    private volatile String symbol;
    private volatile boolean live;
    private volatile boolean following = true;
    private volatile long windowMillis = WINDOW_MILLIS[1];
    private volatile List<Spike> liveSpikes = List.of();
    private volatile boolean stale = true;
    // Owned by the feeder thread.
    private long shownVersion = -1;
    private String shownSymbol;

    ChartViewModel(ReadOnlyObjectProperty<LiveSession> session, ReadOnlyStringProperty symbol, HistoryViewModel history,
                   SpikesViewModel spikes) {
        session.addListener((o, was, now) -> this.session = now);
        symbol.addListener((o, was, now) -> {
            this.symbol = now;
            liveSpikes(spikes);
        });
        history.modeProperty().addListener((o, was, now) -> {
            live = now == HistoryViewModel.Mode.LIVE;
            stale = true;
            if (live) {
                following = true;
            }
        });
        history.dayProperty().addListener((o, was, day) -> {
            LiveSession current = this.session;
            if (day != null && current != null && !feeder.isShutdown()) {
                live = false; // before the feeder's next tick: no live snapshot may follow the day's
                following = false;
                feeder.execute(() -> publish(ChartSnapshot.day(day, averageSeconds(current))));
            }
        });
        spikes.spikes().addListener((javafx.collections.ListChangeListener<Spike>) change -> liveSpikes(spikes));
    }

    /** Starts feeding this sink (the view, once its chart exists). */
    void attach(Sink target) {
        this.sink = target;
        feeder.scheduleWithFixedDelay(this::feed, 33, 33, TimeUnit.MILLISECONDS);
    }

    /** The live window by its label ("15 min"); following resumes when live (a stored day stays as it is). */
    void window(String label) {
        windowMillis = WINDOW_MILLIS[WINDOWS.indexOf(label)];
        if (live) {
            following(true);
        }
    }

    /** Whether the chart shows the live session (not a stored day). */
    boolean live() {
        return live;
    }

    void following(boolean value) {
        following = value;
        stale = true;
    }

    boolean following() {
        return following;
    }

    /** FX thread: the newest spikes of the shown symbol become the live snapshot's bands. */
    private void liveSpikes(SpikesViewModel spikes) {
        String shown = symbol;
        List<Spike> ofSymbol = spikes.spikes().stream().filter(s -> s.symbol().equals(shown)).toList();
        liveSpikes = List.copyOf(ofSymbol.subList(Math.max(0, ofSymbol.size() - BANDED_SPIKES), ofSymbol.size()));
        stale = true;
    }

    /** The window end last handed to the chart (feeder thread). */
    private long followedEnd;

    /** Feeder thread, at most 30 times a second. */
    private void feed() {
        LiveSession current = session;
        String shown = symbol;
        if (!live || current == null || shown == null || sink == null) {
            return;
        }
        try {
            long version = current.series().version(shown);
            boolean refresh = stale;
            if (refresh || version != shownVersion || !shown.equals(shownSymbol)) {
                stale = false;
                shownVersion = version;
                shownSymbol = shown;
                long from = following ? current.marketClock().getAsLong() - windowMillis - 60_000 : 0;
                publish(ChartSnapshot.live(current.series().bars(shown, from, Long.MAX_VALUE), liveSpikes,
                        averageSeconds(current)));
            }
            // The window moves in whole seconds, the bars' own step: an idle chart is redrawn once a second,
            // not at every tick of this loop (measured: a smoothly scrolling axis kept the renderer busy).
            long end = Math.floorDiv(current.marketClock().getAsLong(), 1000) * 1000 + 1000;
            if (following && (refresh || end != followedEnd) && followPending.compareAndSet(false, true)) {
                followedEnd = end;
                Platform.runLater(() -> {
                    followPending.set(false);
                    if (following && live) {
                        sink.follow(end - windowMillis, end);
                    }
                });
            }
        } catch (RuntimeException e) {
            // never let the feeder die; the next tick tries again
            LoggerFactory.getLogger(ChartViewModel.class).warn("Chart update failed", e);
        }
    }

    /** The volume average is the session's detector's baseline: the same window the spikes are judged by. */
    private static int averageSeconds(LiveSession session) {
        return session.settings().detector().windowSeconds();
    }

    private void publish(ChartSnapshot snapshot) {
        Sink target = sink;
        if (target != null) {
            target.show(snapshot);
        }
    }

    void close() {
        feeder.shutdownNow(); // the feeder only reads memory; it is never inside the database
    }
}
