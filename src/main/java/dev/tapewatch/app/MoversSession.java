package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;
import dev.tapewatch.feed.Feed;
import dev.tapewatch.movers.MoversEngine;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.store.BarStore;
import java.util.Collection;

/**
 * The movers engine on a live feed without a window ({@code tapewatch movers}): every bar received goes through the
 * engine on the feed's delivery thread. With a store it is the recording pipeline ({@link Pipeline}: bars and
 * spikes stored as {@code record} stores them); without one nothing is stored. Each mover's previous close is
 * looked up from the provider's REST history (and the store) as it enters.
 */
public final class MoversSession implements AutoCloseable {
    private final MoversEngine engine;
    private final Pipeline pipeline;
    private final MarketConnection connection;
    private final MoverCloses closes;

    private MoversSession(MoversEngine engine, Pipeline pipeline, MarketConnection connection, BarStore store) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.connection = connection;
        this.closes = connection.rest() == null ? null : new MoverCloses(store, connection.rest(), engine);
    }

    /** Connects (not yet streaming); {@code store} null: nothing is stored. */
    public static MoversSession open(FeedSettings feed, DetectorSettings detector, MoversEngine engine,
                                     BarStore store, dev.tapewatch.feed.FeedListener... extra) {
        if (store != null) {
            dev.tapewatch.feed.FeedListener[] listeners = new dev.tapewatch.feed.FeedListener[extra.length + 1];
            listeners[0] = engine::accept;
            System.arraycopy(extra, 0, listeners, 1, extra.length);
            Pipeline pipeline = Pipeline.open(store, feed, detector, listeners);
            return new MoversSession(engine, pipeline, pipeline.connection(), store);
        }
        BarBus bus = new BarBus();
        bus.add(engine::accept);
        for (dev.tapewatch.feed.FeedListener listener : extra) {
            bus.add(listener);
        }
        return new MoversSession(engine, null, Pipeline.connect(feed, bus, null), null);
    }

    public void start(Collection<String> symbols) {
        connection.feed().subscribe(symbols);
        connection.feed().start();
    }

    public MoversEngine engine() {
        return engine;
    }

    public Feed feed() {
        return connection.feed();
    }

    public MarketConnection connection() {
        return connection;
    }

    /** The recording pipeline, or null when nothing is stored. */
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() throws InterruptedException {
        if (closes != null) {
            closes.close();
        }
        if (pipeline != null) {
            pipeline.close();
        } else {
            connection.close();
        }
        engine.finish();
    }
}
