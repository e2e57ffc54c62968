package dev.tapewatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.ScriptedAlpacaServer;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.Bar;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alpaca's "connection limit exceeded" (406) is waited out, with the reason and at least 30 s before retrying. */
class StreamFeedAlpacaTest {

    @Test
    void aConnectionLimitIsWaitedOutWithTheLongBackoff() throws Exception {
        // every connection this test makes is refused with 406 (a failed send on a busy machine may add one)
        ScriptedAlpacaServer.Script script = new ScriptedAlpacaServer.Script("id", "secret", List.of(), Map.of(), 10,
                0, 100);
        try (ScriptedAlpacaServer server = ScriptedAlpacaServer.start(script);
             StreamFeed feed = new StreamFeed(StreamFeed.Config.of(URI.create(server.url())),
                     new AlpacaProtocol("id", "secret", "iex"), new FeedListener() {
                         @Override
                         public void bars(List<Bar> bars) {
                         }
                     }, Threads::named)) {
            feed.subscribe(List.of("SPY"));
            feed.start();
            Await.until(Duration.ofSeconds(20), "the 406 reported", () -> {
                String detail = feed.status().detail();
                return detail != null && detail.startsWith("another connection with these keys is open (406");
            }, () -> feed.status().toString());
            FeedStatus status = feed.status(); // one read: state, reason and next attempt together
            assertEquals(FeedStatus.State.RECONNECTING, status.state());
            long wait = status.nextAttemptAt() - System.currentTimeMillis();
            assertTrue(wait > 25_000 && wait <= 30_000, "next attempt in " + wait + " ms");
        }
    }
}
