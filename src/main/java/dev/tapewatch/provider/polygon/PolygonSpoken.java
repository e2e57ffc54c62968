package dev.tapewatch.provider.polygon;

import dev.tapewatch.feed.PolygonProtocol;
import dev.tapewatch.feed.PolygonRest;
import dev.tapewatch.feed.SecondHistory;
import dev.tapewatch.feed.StreamProtocol;
import dev.tapewatch.provider.FeedSettings;
import dev.tapewatch.provider.RemoteProvider;
import java.net.URI;
import java.util.List;

/** A provider that speaks Polygon's protocol behind the settings' key: Polygon itself, or a recorder's relay of it. */
abstract class PolygonSpoken extends RemoteProvider {
    PolygonSpoken(String id, String label, URI defaultUrl, List<String> domains) {
        super(id, label, defaultUrl, domains);
    }

    @Override
    protected final StreamProtocol protocol(FeedSettings settings) {
        return new PolygonProtocol(settings.key());
    }

    /** Polygon's REST aggregates where {@link FeedSettings#rest} says: the REST URL given, or the stream's host. */
    @Override
    protected final SecondHistory rest(FeedSettings settings) {
        return new PolygonRest(settings.rest(PolygonRest.DEFAULT_URL), settings.key());
    }
}
