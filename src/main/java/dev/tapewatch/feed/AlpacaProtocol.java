package dev.tapewatch.feed;

import dev.tapewatch.market.Bar;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Alpaca's market data v2 stream ({@code {url}/v2/{feed}}): a key id and a secret, the {@code trades} channel, and
 * second bars built here from the trades ({@link SecondAggregator}): a second goes out once a later one trades or
 * {@link #GRACE_MILLIS} after it ended, and again when a late trade, a correction or a cancel changes it. Its
 * errors, by code (see {@code docs/protocols.md}): 402 (the keys) and 409 (a feed the plan lacks) are final; 406
 * (the one connection is taken, also for a while after a network drop) is waited out with the long backoff; 404
 * (too slow to log in) reconnects; 405 (symbol limit) and 407 (slow client) are reported.
 */
public final class AlpacaProtocol implements StreamProtocol {
    /** How long after its end a second with no later trade waits for stragglers before it is emitted. */
    public static final long GRACE_MILLIS = 1_500;
    /** How long a second's trades are kept for corrections and cancels. */
    public static final long RETENTION_MILLIS = 15 * 60_000;

    private final String keyId;
    private final String secret;
    private final String feed;
    private final SecondAggregator seconds = new SecondAggregator(GRACE_MILLIS, RETENTION_MILLIS, Bar.Source.STREAM);
    /** A 405 came: the next subscription message says which symbols the provider kept (delivery thread only). */
    private boolean overSymbolLimit;

    public AlpacaProtocol(String keyId, String secret, String feed) {
        if (keyId == null || keyId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a key id and a secret are needed to connect to Alpaca");
        }
        this.keyId = keyId;
        this.secret = secret;
        this.feed = feed;
    }

    @Override
    public URI endpoint(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String suffix = "/v2/" + feed;
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + (path.endsWith(suffix) ? path
                : path + suffix));
    }

    @Override
    public String authMessage() {
        return AlpacaCodec.auth(keyId, secret);
    }

    @Override
    public List<String> subscriptionMessages(Set<String> added, Set<String> removed) {
        List<String> messages = new ArrayList<>();
        if (!removed.isEmpty()) {
            messages.add(AlpacaCodec.trades("unsubscribe", removed));
        }
        if (!added.isEmpty()) {
            messages.add(AlpacaCodec.trades("subscribe", added));
        }
        return messages;
    }

    @Override
    public Decoded decode(String frame) {
        AlpacaCodec.Decoded decoded = AlpacaCodec.decode(frame);
        List<Signal> signals = new ArrayList<>();
        decoded.trades().forEach(seconds::trade);
        for (AlpacaCodec.Correction correction : decoded.corrections()) {
            if (!seconds.correct(correction.symbol(), correction.originalId(), correction.corrected())) {
                signals.add(tooLate("a correction", correction.symbol(), correction.originalId()));
            }
        }
        for (AlpacaCodec.Cancel cancel : decoded.cancels()) {
            if (!seconds.cancel(cancel.symbol(), cancel.id())) {
                signals.add(tooLate("a cancel", cancel.symbol(), cancel.id()));
            }
        }
        for (AlpacaCodec.Control control : decoded.controls()) {
            signals.add(signal(control));
        }
        List<String> unknown = new ArrayList<>();
        decoded.unknown().forEach(type -> unknown.add("message T=" + type));
        SecondAggregator.Output over = seconds.flush(Long.MIN_VALUE); // the seconds a later trade has closed
        return new Decoded(over.bars(), over.removed(), signals, decoded.problems(), unknown);
    }

    /** Not malformed data: a change the stored second does not have, which an audit with --fix repairs. */
    private static Signal tooLate(String what, String symbol, long id) {
        return new Signal.Warning(what + " of " + symbol + " trade " + id + " came after its second was let go ("
                + RETENTION_MILLIS / 60_000 + " min), or for a trade never received; audit --fix repairs the day");
    }

    @Override
    public Decoded tick(long nowMillis) {
        SecondAggregator.Output over = seconds.flush(nowMillis * 1_000_000);
        return new Decoded(over.bars(), over.removed(), List.of(), List.of(), List.of());
    }

    @Override
    public Decoded drain() {
        SecondAggregator.Output held = seconds.flushHeld();
        return new Decoded(held.bars(), held.removed(), List.of(), List.of(), List.of());
    }

    private Signal signal(AlpacaCodec.Control control) {
        String message = redact(control.message());
        if (control.type().equals("success")) {
            return switch (message) {
                case "connected" -> new Signal.Connected();
                case "authenticated" -> new Signal.Authenticated();
                default -> new Signal.Info(message);
            };
        }
        if (control.type().equals("subscription")) {
            String kept = String.join(",", control.trades());
            if (overSymbolLimit) {
                overSymbolLimit = false;
                return new Signal.Warning("symbol limit exceeded: the provider streams the trades of " + kept + " only");
            }
            return new Signal.Info("subscribed to the trades of " + kept);
        }
        return switch (control.code()) {
            case 402 -> new Signal.Failed("Alpaca refused the key id and secret (402 " + message + "). Check them in"
                    + " the settings, --key and --secret, or APCA_API_KEY_ID and APCA_API_SECRET_KEY.");
            case 409 -> new Signal.Failed("the Alpaca plan of these keys does not include the '" + feed + "' feed (409 "
                    + message + "). Choose a feed the plan has (--feed iex is the free plan's).");
            case 406 -> new Signal.ConnectionLimit("another connection with these keys is open (406 " + message
                    + "); Alpaca also holds a dropped connection for about 90 s");
            case 404 -> new Signal.Reconnect("authentication timed out (404 " + message + ")");
            case 405 -> {
                overSymbolLimit = true;
                yield new Signal.Warning("symbol limit exceeded (405 " + message + ")");
            }
            case 407 -> new Signal.Warning("the provider says this client reads too slowly (407 " + message + ")");
            default -> new Signal.Warning("provider error " + control.code() + ": " + message);
        };
    }

    @Override
    public String redact(String text) {
        return Secrets.redact(Secrets.redact(text, keyId), secret);
    }
}
