package dev.tapewatch.provider.alpaca;

import dev.tapewatch.feed.AlpacaProtocol;
import dev.tapewatch.feed.AlpacaRest;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.feed.StreamProtocol;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.RemoteProvider;
import dev.tapewatch.provider.SettingsForm;
import dev.tapewatch.provider.SettingsInput;
import java.net.URI;
import java.util.List;

/** Alpaca's market data v2 stream: trades, made into second bars here; REST trades; a key id and a secret. */
public final class Alpaca extends RemoteProvider {
    public static final Alpaca PROVIDER = new Alpaca();
    public static final String KEY = "alpaca.key";
    /** The settings file's entry for the secret (a secret, like the keys). */
    public static final String SECRET = "alpaca.secret";
    /** The feed: iex, sip, delayed_sip or test. */
    public static final String FEED = "alpaca.feed";
    public static final String ENV_KEY = "APCA_API_KEY_ID";
    public static final String ENV_SECRET = "APCA_API_SECRET_KEY";

    private Alpaca() {
        super("alpaca", "Alpaca (seconds from trades)", URI.create("wss://stream.data.alpaca.markets"),
                List.of("alpaca.markets"));
    }

    /** Key id and secret (flags, APCA_API_* variables, or the settings file) and a feed. */
    @Override
    public FeedSettings settings(SettingsInput input) {
        String keyId = input.credential(input.flags().key(), ENV_KEY, KEY).orElse(null);
        String secret = input.credential(input.flags().secret(), ENV_SECRET, SECRET).orElse(null);
        if (keyId == null || secret == null) {
            throw new IllegalArgumentException(input.forWindow()
                    ? "Alpaca needs a key id and a secret: enter them in Settings (Ctrl+,) → API key and Alpaca"
                            + " secret, or set " + ENV_KEY + " and " + ENV_SECRET + "."
                    : "Alpaca needs a key id and a secret: set " + ENV_KEY + " and " + ENV_SECRET
                            + " (preferred), pass --key and --secret, or add " + KEY + " and " + SECRET + " to "
                            + input.file() + ".");
        }
        String feed = input.flags().alpacaFeed() != null ? input.flags().alpacaFeed() : input.entry(FEED).orElse("iex");
        if (!AlpacaSettings.FEEDS.contains(feed)) {
            throw new IllegalArgumentException("Alpaca feed '" + feed + "' is not one of "
                    + String.join(", ", AlpacaSettings.FEEDS) + " (iex is the free plan's).");
        }
        URI url = input.streamUrl();
        return new FeedSettings(this, url, keyId, input.stalenessMillis(), input.restUrl() != null ? input.restUrl()
                : restBeside(url), input.backfill(), new AlpacaSettings(secret, feed));
    }

    @Override
    protected StreamProtocol protocol(FeedSettings settings) {
        AlpacaSettings own = settings.own(AlpacaSettings.class);
        return new AlpacaProtocol(settings.key(), own.secret(), own.feed());
    }

    @Override
    protected SecondHistory rest(FeedSettings settings) {
        AlpacaSettings own = settings.own(AlpacaSettings.class);
        return new AlpacaRest(settings.rest(AlpacaRest.DEFAULT_URL), settings.key(), own.secret(), own.feed());
    }

    @Override
    public SettingsForm form() {
        return new SettingsForm(SettingsForm.Field.key(KEY, "Alpaca key id (else " + ENV_KEY + ")", false, ENV_KEY),
                "API key: Alpaca needs your key id and secret (alpaca.markets, API Keys). Paste them above, or choose"
                        + " the simulated market.", "Alpaca secret, feed",
                List.of(SettingsForm.Field.secret(SECRET, "alpacaSecret", "Alpaca secret (else " + ENV_SECRET + ")",
                        ENV_SECRET), SettingsForm.Field.choice(FEED, "alpacaFeed", AlpacaSettings.FEEDS, "iex")));
    }
}
