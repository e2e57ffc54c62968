package dev.tapewatch.provider.database;

import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.MarketConnection;
import dev.tapewatch.provider.MarketProvider;
import dev.tapewatch.provider.ProviderHistory;
import dev.tapewatch.provider.SettingsInput;
import dev.tapewatch.provider.Wiring;
import dev.tapewatch.store.BarStore;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * No upstream connection: the bars a recorder elsewhere stores in the shared (PostgreSQL) database, followed as
 * they are stored. There is no REST history, and nothing to record.
 */
public final class WatchDatabase implements MarketProvider {
    public static final WatchDatabase PROVIDER = new WatchDatabase();

    private WatchDatabase() {
    }

    @Override
    public String id() {
        return "database";
    }

    @Override
    public String label() {
        return "Database (watch a recorder)";
    }

    @Override
    public boolean watchesStore() {
        return true;
    }

    @Override
    public FeedSettings settings(SettingsInput input) {
        return new FeedSettings(this, null, null, input.stalenessMillis(), null, false);
    }

    /** Follows the bars a recorder stores in the session's store, which must be a PostgreSQL database. */
    @Override
    public MarketConnection connect(FeedSettings settings, Wiring wiring) {
        BarStore store = wiring.store();
        if (store == null || !store.location().isPostgres()) {
            throw new IllegalArgumentException("Watching a recorder needs the PostgreSQL database it records into;"
                    + " " + (store == null ? "no database" : store.location().describe()) + " is not one. Set"
                    + " Database to jdbc:postgresql://HOST:PORT/DB?user=USER (Settings), or choose another provider.");
        }
        DatabaseFeed feed = new DatabaseFeed(store, wiring.listener(), wiring.threads());
        return new MarketConnection(this, null, feed, null, feed::marketClock);
    }

    @Override
    public ProviderHistory history(FeedSettings settings, Function<String, ThreadFactory> threads) {
        throw new IllegalArgumentException("The 'database' provider only watches what a recorder stores and has no"
                + " REST history to audit against: run tapewatch audit where the recorder runs, with its provider.");
    }
}
