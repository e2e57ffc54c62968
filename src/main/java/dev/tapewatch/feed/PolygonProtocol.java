package dev.tapewatch.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Polygon's (Massive's) stocks stream: per-second aggregates {@code A.<symbol>}, an API key. */
public final class PolygonProtocol implements StreamProtocol {
    private final String key;
    private final PolygonDecoder decoder = new PolygonDecoder();

    public PolygonProtocol(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key is needed to connect to Polygon");
        }
        this.key = key;
    }

    /** The stocks cluster's address: {@code {url}/stocks}, unless the URL already names it; a query stays. */
    @Override
    public URI endpoint(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority()
                + (path.endsWith("/stocks") ? path : path + "/stocks") + query);
    }

    @Override
    public String authMessage() {
        return PolygonCodec.auth(key);
    }

    @Override
    public List<String> subscriptionMessages(Set<String> added, Set<String> removed) {
        List<String> messages = new ArrayList<>();
        if (!removed.isEmpty()) {
            messages.add(PolygonCodec.unsubscribe(removed));
        }
        if (!added.isEmpty()) {
            messages.add(PolygonCodec.subscribe(added));
        }
        return messages;
    }

    @Override
    public Decoded decode(String frame) {
        PolygonCodec.Decoded decoded = decoder.decode(frame);
        List<Signal> signals = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        decoded.unknownEvents().forEach(kind -> unknown.add("event " + kind));
        for (PolygonCodec.Status status : decoded.statuses()) {
            String message = redact(String.valueOf(status.message()));
            switch (String.valueOf(status.status())) {
                case "connected" -> signals.add(new Signal.Connected());
                case "auth_success" -> signals.add(new Signal.Authenticated());
                case "auth_failed" -> signals.add(new Signal.Failed("the provider refused the API key (" + message
                        + "). Check the key in the settings, --key or POLYGON_API_KEY."));
                case "max_connections" -> signals.add(new Signal.ConnectionLimit(
                        "another connection with this key is open (" + message + ")"));
                case "auth_timeout" -> signals.add(new Signal.Reconnect("authentication timed out (" + message + ")"));
                case "success" -> signals.add(new Signal.Info(message));
                case "error" -> signals.add(new Signal.Warning("provider error: " + message));
                default -> unknown.add("status " + status.status());
            }
        }
        return new Decoded(decoded.bars(), List.of(), signals, decoded.problems(), unknown);
    }

    @Override
    public String redact(String text) {
        return Secrets.redact(text, key);
    }
}
