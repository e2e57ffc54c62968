package dev.tapewatch.provider;

/**
 * A provider's own settings beyond URL and key (Alpaca's secret and feed, the simulated market), carried in
 * {@link FeedSettings} for the provider that made them. Its {@code toString} is printed: it must hide secrets.
 */
public interface OwnSettings {
}
