package dev.tapewatch.provider.polygon;

import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.SettingsForm;
import dev.tapewatch.provider.SettingsInput;
import java.net.URI;
import java.util.List;

/** Polygon.io (now also Massive): per-second aggregates over its websocket, REST second aggregates, an API key. */
public final class Polygon extends PolygonSpoken {
    public static final Polygon REAL_TIME = new Polygon("polygon", "Polygon.io (real time)", "wss://socket.polygon.io");
    public static final Polygon DELAYED = new Polygon("polygon-delayed", "Polygon.io (15 min delayed)",
            "wss://delayed.polygon.io");
    /** The settings file's entry for the API key (a secret). */
    public static final String KEY = "polygon.key";
    public static final String ENV_KEY = "POLYGON_API_KEY";

    private Polygon(String id, String label, String defaultUrl) {
        super(id, label, URI.create(defaultUrl), List.of("polygon.io", "massive.com"));
    }

    /** Whether an API key is configured (flag, environment or settings file). */
    public static boolean keyGiven(SettingsInput input) {
        return input.credential(input.flags().key(), ENV_KEY, KEY).isPresent();
    }

    @Override
    public FeedSettings settings(SettingsInput input) {
        String key = input.credential(input.flags().key(), ENV_KEY, KEY).orElseThrow(() -> new IllegalArgumentException(
                input.forWindow() ? "No Polygon API key: paste yours in Settings (Ctrl+,) → API key, or set " + ENV_KEY
                        + "; without a key, choose Settings → Provider → Simulated market."
                        : "No Polygon API key: set " + ENV_KEY + " (preferred), pass --key, or add " + KEY + " to "
                        + input.file() + ". Without a key, use the simulator (--provider simulator)."));
        URI url = input.streamUrl();
        return new FeedSettings(this, url, key, input.stalenessMillis(), input.restUrl() != null ? input.restUrl()
                : restBeside(url), input.backfill());
    }

    @Override
    public SettingsForm form() {
        return new SettingsForm(SettingsForm.Field.key(KEY, "Polygon API key (kept in the settings file, owner-only)",
                true, ENV_KEY), "API key: " + label() + " needs your API key (polygon.io, Dashboard, API Keys). Paste it"
                + " above, or choose the simulated market.", null, List.of());
    }
}
