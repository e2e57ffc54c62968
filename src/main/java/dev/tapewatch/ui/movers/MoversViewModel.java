package dev.tapewatch.ui.movers;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.alert.SpikeMove;
import dev.tapewatch.market.Spike;
import dev.tapewatch.movers.Mover;
import dev.tapewatch.movers.MoverFilter;
import dev.tapewatch.movers.MoverLog;
import dev.tapewatch.movers.MoversEngine;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Movers pane's state: the session's movers list and its entered / left log, taken from the engine's latest
 * snapshot on the window's pulse (never waiting on the engine), and the trader's filters, kept in the settings
 * file. Each mover entering hands a spike to {@code alerts} (the window's alert path, with its cooldown).
 */
public final class MoversViewModel {
    static final String MIN_PRICE = "movers.minPrice";
    static final String MAX_PRICE = "movers.maxPrice";
    static final String MIN_VOLUME = "movers.minVolume";
    static final String MIN_RELATIVE_VOLUME = "movers.minRelativeVolume";
    static final String KINDS = "movers.kinds";

    private final AppConfig config;
    private final Supplier<LiveSession> session;
    private final BiConsumer<Spike, SpikeMove> alerts;
    private final ObservableList<Mover> movers = FXCollections.observableArrayList();
    private final ObservableList<MoverLog> log = FXCollections.observableArrayList();
    private final ObjectProperty<MoverFilter> filter = new SimpleObjectProperty<>();
    private MoversEngine.Snapshot shown;
    private MoversEngine engine;
    private long alertedUpTo = Long.MIN_VALUE;

    public MoversViewModel(AppConfig config, Supplier<LiveSession> session,
                           BiConsumer<Spike, SpikeMove> alerts) {
        this.config = config;
        this.session = session;
        this.alerts = alerts;
        filter.set(read(config));
        filter.addListener((o, was, now) -> {
            save(now);
            if (engine != null) {
                engine.requestFilter(now);
            }
        });
    }

    /** FX thread, on the pulse: the latest snapshot of the shown session's movers, if it changed. */
    public void refresh() {
        LiveSession current = session.get();
        MoversEngine now = current == null ? null : current.movers();
        if (now != engine) {
            engine = now;
            shown = null;
            alertedUpTo = Long.MIN_VALUE;
            if (now != null) {
                now.requestFilter(filter.get());
            }
        }
        MoversEngine.Snapshot latest = now == null ? null : now.snapshot();
        if (latest == null || latest == shown) {
            return;
        }
        shown = latest;
        movers.setAll(latest.movers());
        log.setAll(latest.log());
        for (MoverLog line : latest.log()) {
            // ">=": two frames can share a millisecond; the alert rules' cooldown drops a line given twice
            if (line.entered() && line.wallMs() >= alertedUpTo) {
                Mover mover = latest.movers().stream().filter(m -> m.symbol().equals(line.symbol())).findFirst()
                        .orElse(null);
                alerts.accept(spikeOf(line, mover), moveOf(mover));
            }
        }
        latest.log().stream().mapToLong(MoverLog::wallMs).max().ifPresent(last -> alertedUpTo = Math.max(alertedUpTo,
                last));
    }

    /** The listed movers, best first (the view sorts its own copy). */
    public ObservableList<Mover> movers() {
        return movers;
    }

    /** Entered / left, oldest first. */
    public ObservableList<MoverLog> log() {
        return log;
    }

    public ObjectProperty<MoverFilter> filterProperty() {
        return filter;
    }

    /** The alert for a mover that entered, as a spike of its kind (burst, block, price) and score. */
    private static Spike spikeOf(MoverLog line, Mover mover) {
        long start = mover != null ? mover.startMs() : line.marketMs();
        double multiple = mover != null ? mover.volumeMultiple() : 0;
        boolean price = line.kind().contains("price");
        boolean block = line.kind().startsWith("block");
        Spike.Kind kind = line.kind().equals("price") ? Spike.Kind.PRICE : price ? Spike.Kind.BOTH : Spike.Kind.VOLUME;
        Spike.Prints prints = kind == Spike.Kind.PRICE ? Spike.Prints.NONE
                : block ? Spike.Prints.BLOCK : Spike.Prints.BURST;
        return new Spike(line.symbol(), start, start + 1000, start, kind, line.score(), multiple, prints);
    }

    /** The move as the scanner saw it: from the close before the spike to the last price; its volume unknown. */
    private static SpikeMove moveOf(Mover mover) {
        if (mover == null) {
            return new SpikeMove(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double from = Double.isNaN(mover.changePct()) ? mover.price() : mover.price() / (1 + mover.changePct() / 100);
        return new SpikeMove(from, mover.price(), Math.min(from, mover.price()), Math.max(from, mover.price()),
                Double.NaN, mover.volumeToday());
    }

    private static MoverFilter read(AppConfig config) {
        try {
            return new MoverFilter(number(config, MIN_PRICE, 0), number(config, MAX_PRICE, Double.POSITIVE_INFINITY),
                    number(config, MIN_VOLUME, 0), number(config, MIN_RELATIVE_VOLUME, 0), 0,
                    MoverFilter.parseKinds(config.get(KINDS).orElse("")));
        } catch (IllegalArgumentException e) {
            return MoverFilter.ALL; // a hand-edited file: the filters start open rather than the window not at all
        }
    }

    private static double number(AppConfig config, String key, double otherwise) {
        return config.get(key).map(Double::parseDouble).orElse(otherwise);
    }

    private void save(MoverFilter value) {
        config.set(MIN_PRICE, Double.toString(value.minPrice()));
        config.set(MAX_PRICE, Double.toString(value.maxPrice()));
        config.set(MIN_VOLUME, Double.toString(value.minVolumeToday()));
        config.set(MIN_RELATIVE_VOLUME, Double.toString(value.minRelativeVolume()));
        config.set(KINDS, String.join(",", new java.util.TreeSet<>(value.kinds())));
    }
}
