package dev.tapewatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapewatch.alert.Alert;
import dev.tapewatch.alert.AlertJson;
import dev.tapewatch.feed.FeedListener;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.serve.RelayServer;
import dev.tapewatch.serve.ServerSettings;
import dev.tapewatch.store.BarStore;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Shares a recorder's live stream with local Polygon clients (a notebook, a second window) over one upstream
 * connection: every bar the recorder receives, replacements included, goes out as it arrives, and REST serves
 * what is stored; a client that asks also gets the recorder's spikes and alerts as they happen. Clients need the
 * local key, so other users of the machine cannot read a paid feed.
 */
public final class Relay implements FeedListener, AutoCloseable {
    /** The settings-file entry holding the generated local key. */
    public static final String KEY = "relay.key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RelayServer server;

    private Relay(BarStore store, int port, String key) throws IOException {
        this.server = RelayServer.start(new ServerSettings(port, key, ServerSettings.Protocol.POLYGON), store::bars,
                Threads::named);
    }

    /** Serves on 127.0.0.1:{@code port} (0: a free one) for clients presenting {@code key}. */
    public static Relay start(BarStore store, int port, String key) throws IOException {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a relay needs a local key");
        }
        return new Relay(store, port, key);
    }

    /** The local key from the settings file, made (random, 128 bits) and saved owner-only there the first time. */
    public static String localKey(AppConfig config) throws IOException {
        var existing = config.get(KEY);
        if (existing.isPresent() && !existing.get().isBlank()) {
            return existing.get();
        }
        String key = newKey();
        config.set(KEY, key);
        config.save();
        return key;
    }

    /** A new random local key (128 bits). */
    public static String newKey() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public RelayServer server() {
        return server;
    }

    @Override
    public void bars(List<Bar> bars) {
        server.publish(bars);
    }

    /**
     * A spike the recorder's detector closed, to clients subscribed to {@code SPIKE.*} or {@code SPIKE.<symbol>}:
     * {@code [{"ev":"SPIKE","sym":"SPY","kind":"volume","s":start,"e":end,"peak":ms,"score":41.2,"multiple":12.4}]}.
     * Any thread.
     */
    public void spike(Spike spike) {
        ObjectNode event = JSON.createObjectNode();
        event.put("ev", "SPIKE");
        event.put("sym", spike.symbol());
        event.put("kind", spike.kind().name().toLowerCase(Locale.ROOT));
        event.put("s", spike.start());
        event.put("e", spike.end());
        event.put("peak", spike.peakTime());
        event.put("score", spike.peakScore());
        event.put("multiple", spike.volumeMultiple());
        server.publishEvent("SPIKE", spike.symbol(), JSON.createArrayNode().add(event).toString());
    }

    /** An alert, to clients subscribed to {@code ALERT.*} or {@code ALERT.<symbol>}: {@code ev}, {@code sym} and the
     * fields a webhook gets ({@link AlertJson}). Any thread. */
    public void alert(Alert alert) {
        ObjectNode event = JSON.createObjectNode();
        event.put("ev", "ALERT");
        event.put("sym", alert.symbol());
        event.setAll(AlertJson.fields(alert));
        server.publishEvent("ALERT", alert.symbol(), JSON.createArrayNode().add(event).toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
