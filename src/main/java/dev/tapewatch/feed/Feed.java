package dev.tapewatch.feed;

import java.util.Collection;
import java.util.Set;

/** A live source of bars for a changing set of symbols. */
public interface Feed extends AutoCloseable {
    void start();

    /** Adds symbols; while streaming they are subscribed at once. */
    void subscribe(Collection<String> symbols);

    void unsubscribe(Collection<String> symbols);

    Set<String> symbols();

    FeedStatus status();

    FeedStats stats();

    /** Stops for good: closes the connection and delivers everything already received. */
    @Override
    void close();
}
