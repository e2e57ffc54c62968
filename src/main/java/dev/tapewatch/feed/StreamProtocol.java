package dev.tapewatch.feed;

import dev.tapewatch.market.Bar;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What differs between providers' websocket streams, for {@link StreamFeed}: where to connect, how to log in and
 * subscribe, how to read a frame, and what the provider's control messages mean for the connection. Decoding and
 * {@link #tick} run on the feed's delivery thread only; the rest is called from its control thread.
 */
public interface StreamProtocol {

    /** What a control message asks of the connection. */
    sealed interface Signal {
        /** The server greeted us: log in now. */
        record Connected() implements Signal {
        }

        record Authenticated() implements Signal {
        }

        /** Final: the key, the plan or the feed is refused; retrying cannot help. */
        record Failed(String reason) implements Signal {
        }

        /** Another connection holds the provider's one slot: back off long before retrying. */
        record ConnectionLimit(String reason) implements Signal {
        }

        /** The connection is no good any more (an authentication timeout, say): reconnect with the usual backoff. */
        record Reconnect(String reason) implements Signal {
        }

        /** Worth a warning in the status and the log, not a reconnect. */
        record Warning(String message) implements Signal {
        }

        record Info(String message) implements Signal {
        }
    }

    /** One frame: bars, seconds that lost all their trades, control signals, and what was skipped and why. */
    record Decoded(List<Bar> bars, List<SecondAggregator.Removed> removed, List<Signal> signals, List<String> problems,
                   List<String> unknown) {
    }

    /** The websocket address for the configured base URL. */
    URI endpoint(URI base);

    String authMessage();

    /** The messages that take the subscription from what it was to what is wanted. */
    List<String> subscriptionMessages(Set<String> added, Set<String> removed);

    Decoded decode(String frame);

    /**
     * Delivery thread, a few times a second: bars the protocol holds back until their second is over (a trade
     * protocol's aggregation), as of {@code nowMillis} on the market clock. Nothing for a protocol of bars.
     */
    default Decoded tick(long nowMillis) {
        return new Decoded(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Delivery thread, when the connection is lost: what the protocol still holds back, now final as far as that
     * connection goes (before the session's end is announced, so a gap after it begins after these bars).
     */
    default Decoded drain() {
        return tick(Long.MIN_VALUE);
    }

    /** Secrets taken out of any text that may be shown or logged. */
    String redact(String text);
}
