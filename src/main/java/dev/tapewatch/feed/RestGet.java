package dev.tapewatch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GET of a provider's REST JSON, with the rules every provider's history follows here: 429 and 5xx answers and
 * network errors are retried with backoff (honouring {@code Retry-After}), refused credentials are final, no
 * redirect is followed (it could carry the credentials elsewhere), and nothing shown holds a secret.
 */
final class RestGet {
    private static final Logger LOG = LoggerFactory.getLogger(RestGet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 6;
    private static final Backoff RETRY = new Backoff(1_000, 30_000);

    private final UnaryOperator<String> redact;
    private final Map<String, String> headers;
    private final String credentials;
    private final HttpClient http = HttpClients.newClient();

    /** {@code headers} carry the credentials, which {@code redact} removes from text; {@code credentials} names them. */
    RestGet(UnaryOperator<String> redact, Map<String, String> headers, String credentials) {
        this.redact = redact;
        this.headers = Map.copyOf(headers);
        this.credentials = credentials;
    }

    /** The page's JSON, or null when cancelled while waiting to retry. */
    JsonNode get(URI uri, String symbol, BooleanSupplier cancelled) throws RestException {
        String shown = redact.apply(uri.toString());
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpClients.request(uri).timeout(Duration.ofSeconds(60)).GET()
                    .header("Accept", "application/json");
            headers.forEach(request::header);
            String problem;
            long retryAfterMillis = -1;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return JSON.readTree(response.body());
                }
                if (status == 401 || status == 403) {
                    throw new RestException("The provider refused " + credentials + " for REST history (HTTP " + status
                            + " from " + shown + "). Check " + credentials + ", or turn backfill off with --no-backfill.",
                            true, null);
                }
                problem = "HTTP " + status + " " + redact.apply(excerpt(response.body()));
                if (status != 429 && status < 500) {
                    throw new RestException("REST request " + shown + " for " + symbol + " failed: " + problem,
                            false, null);
                }
                retryAfterMillis = response.headers().firstValue("Retry-After").map(RestGet::seconds)
                        .orElse(-1L);
            } catch (IOException e) {
                problem = redact.apply(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestException("Interrupted while fetching " + shown, false, e);
            }
            if (attempt >= ATTEMPTS) {
                throw new RestException("REST request " + shown + " for " + symbol + " still failing after "
                        + attempt + " attempts: " + problem, false, null);
            }
            long delay = retryAfterMillis >= 0 ? retryAfterMillis : RETRY.delay(attempt, ThreadLocalRandom.current());
            LOG.warn("REST {} failed ({}); retrying in {} ms", shown, problem, delay);
            if (!pause(delay, cancelled)) {
                return null;
            }
        }
    }

    /** Waits, looking at {@code cancelled} every 100 ms; false when cancelled. */
    private static boolean pause(long millis, BooleanSupplier cancelled) throws RestException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestException("Interrupted while waiting to retry", false, e);
            }
        }
        return !cancelled.getAsBoolean();
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.min(120_000, Long.parseLong(retryAfter.trim()) * 1000);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
