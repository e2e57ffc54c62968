package dev.tapewatch.provider;

import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.store.BarStore;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * What a connection is wired to: the listener of its bars, the session's store (null when nothing is stored; read
 * by a provider that {@linkplain MarketProvider#watchesStore watches it}) and the app's way to make threads.
 */
public record Wiring(FeedListener listener, BarStore store, Function<String, ThreadFactory> threads) {
}
