package dev.tapewatch.provider.polygon;

import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.SettingsForm;
import dev.tapewatch.provider.SettingsInput;
import java.net.URI;
import java.util.List;

/**
 * A recorder's shared stream ({@code record --serve}) on this machine: Polygon's protocol behind a local key, and
 * REST history from the recorder's database on the same host (the stream's host: it has no domains of its own).
 */
public final class LocalTapewatch extends PolygonSpoken {
    public static final LocalTapewatch PROVIDER = new LocalTapewatch();
    /** The key of a recorder's shared stream (a secret). */
    public static final String KEY = "local.key";

    private LocalTapewatch() {
        super("local", "Local Tapewatch (a recorder's shared stream)", null, List.of());
    }

    /** The URL the recorder printed, its local key, and its REST (the recorder's database). */
    @Override
    public FeedSettings settings(SettingsInput input) {
        URI url = input.streamUrl();
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("Local Tapewatch needs the address the recorder printed (record --serve:"
                    + " \"Sharing the stream on ws://127.0.0.1:PORT/stocks\"): set URL in Settings"
                    + (input.forWindow() ? " (Ctrl+,)." : ", or --url."));
        }
        String key = input.flags().key() != null ? input.flags().key() : input.entry(KEY).orElse(null);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Local Tapewatch needs the recorder's local key (record prints it at"
                    + " start; it is relay.key in that machine's settings file): set API key in Settings"
                    + (input.forWindow() ? " (Ctrl+,)." : ", or --key."));
        }
        URI rest = input.restUrl() != null ? input.restUrl() : URI.create("http://" + url.getHost() + ":" + url.getPort());
        return new FeedSettings(this, url, key, input.stalenessMillis(), rest, input.backfill());
    }

    @Override
    public SettingsForm form() {
        return new SettingsForm(SettingsForm.Field.key(KEY, "the recorder's local key (record prints it at start)",
                false, null), null, null, List.of());
    }
}
