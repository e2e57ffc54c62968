package dev.tapewatch.movers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.Await;
import dev.tapewatch.ChildJvm;
import dev.tapewatch.market.ExchangeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance, against a Polygon-compatible server of our own on loopback ({@link WholeMarketServer})
 * playing a whole market with injected bursts and block prints ({@link WholeMarketTape}, not the simulator):
 * {@code movers --all --json} reports the events with precision and recall of at least 0.95, 95% of them within
 * 1 s of their second going out; and {@code spikes --all --rescore} over the same day recorded finds them too.
 */
class MoversAcceptanceTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final long TAPE_START = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 30));
    private static final String KEY = "whole-market-key";

    @TempDir
    Path dir;

    private final WholeMarketTape tape = new WholeMarketTape(11, 2_500, 420, TAPE_START, 60);

    /** What a list of reported spikes (symbol, start_ms) scores against the tape's events. */
    private record Score(int reported, int right, int events, int found) {
        double precision() {
            return reported == 0 ? 0 : (double) right / reported;
        }

        double recall() {
            return (double) found / events;
        }
    }

    private Score score(List<JsonNode> reported) {
        int right = 0;
        Set<WholeMarketTape.Event> found = new HashSet<>();
        for (JsonNode line : reported) {
            String symbol = line.get("symbol").asText();
            long start = line.get("start_ms").asLong();
            long end = line.has("end_ms") ? line.get("end_ms").asLong() : start + 1000;
            boolean onEvent = false;
            for (WholeMarketTape.Event event : tape.events()) {
                if (event.symbol().equals(symbol) && start < event.end() && end > event.start()) {
                    onEvent = true;
                    found.add(event);
                }
            }
            right += onEvent ? 1 : 0;
            if (!onEvent) {
                System.out.println("  not an event: " + line);
            }
        }
        return new Score(reported.size(), right, tape.events().size(), found.size());
    }

    private static List<JsonNode> json(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void moversOnTheWholeMarketLiveAndSpikesOnTheStoredDayFindTheEvents() throws Exception {
        assertTrue(tape.events().size() >= 50, "events on the tape: " + tape.events().size());
        long blocks = tape.events().stream().filter(WholeMarketTape.Event::block).count();
        assertTrue(blocks >= tape.events().size() / 4 && blocks <= 3 * tape.events().size() / 4, "blocks " + blocks);

        List<JsonNode> movers;
        List<Long> delays = new ArrayList<>();
        try (WholeMarketServer server = new WholeMarketServer(tape, KEY, 60);
             ChildJvm child = ChildJvm.start(dir.resolve("home"), List.of(), "movers", "--all", "--json",
                     "--provider", "polygon", "--url", server.url(), "--rest-url", server.restUrl(), "--key", KEY)) {
            Await.until(WAIT, "the tape played", server::finished, child::err);
            // the last event is at 95% of the tape: long printed by now; SIGTERM stops the command as Ctrl-C does
            child.terminate();
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)), child.err());
            movers = json(child.out());
            for (JsonNode mover : movers) {
                long sent = server.sentAt(mover.get("start_ms").asLong());
                assertTrue(sent > 0, "a mover of a second never sent: " + mover);
                delays.add(mover.get("detected_at_ms").asLong() - sent);
                for (String field : List.of("symbol", "kind", "score", "start_ms", "price", "change_pct",
                        "detected_at_ms")) {
                    assertTrue(mover.has(field), field + " in " + mover);
                }
            }
        }
        Score live = score(movers);
        delays.sort(Long::compare);
        long p95 = delays.isEmpty() ? Long.MAX_VALUE : delays.get((int) Math.floor(0.95 * (delays.size() - 1)));
        System.out.printf("movers --all --json: %d reported, precision %.3f, recall %.3f (%d of %d events),"
                        + " delay after the second went out p50 %d ms, p95 %d ms, max %d ms%n", live.reported(),
                live.precision(), live.recall(), live.found(), live.events(),
                delays.isEmpty() ? -1 : delays.get(delays.size() / 2), p95,
                delays.isEmpty() ? -1 : delays.get(delays.size() - 1));
        assertTrue(live.precision() >= 0.95, "precision " + live.precision());
        assertTrue(live.recall() >= 0.95, "recall " + live.recall());
        assertTrue(p95 <= 1_000, "p95 delay " + p95 + " ms");

        // the same tape recorded, then the day re-scored from storage
        Path db = dir.resolve("day");
        try (WholeMarketServer server = new WholeMarketServer(tape, KEY, 15);
             ChildJvm recorder = ChildJvm.start(dir.resolve("home"), List.of(), "record", "--all", "--provider",
                     "polygon", "--url", server.url(), "--key", KEY, "--no-backfill", "--db", db.toString())) {
            Await.until(WAIT, "the tape played", server::finished, recorder::err);
            recorder.terminate();
            assertEquals(0, recorder.awaitExit(Duration.ofSeconds(60)), recorder.err());
        }
        try (ChildJvm spikes = ChildJvm.start(dir.resolve("home"), List.of(), "spikes", "--all", "--rescore",
                "--json", "--date", DAY.toString(), "--db", db.toString())) {
            assertEquals(0, spikes.awaitExit(WAIT), spikes.err());
            Score stored = score(json(spikes.out()));
            System.out.printf("spikes --all --rescore --json: %d reported, precision %.3f, recall %.3f%n",
                    stored.reported(), stored.precision(), stored.recall());
            assertTrue(stored.precision() >= 0.95, "precision " + stored.precision());
            assertTrue(stored.recall() >= 0.95, "recall " + stored.recall());
        }
    }
}
