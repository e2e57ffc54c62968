package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.Await;
import dev.tapewatch.ChildJvm;
import dev.tapewatch.H2cRefusingProxy;
import dev.tapewatch.TapeServer;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.Coverage;
import dev.tapewatch.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} (a real child process) against a Polygon-compatible server that drops the connection: the
 * seconds sent while it was away exist only over REST, in pages. With backfill the stored day is exactly the
 * provider's; without, {@code audit} finds the drops and {@code audit --fix} mends them. The server stands behind
 * a proxy that refuses h2c upgrades, as servers built on Node's {@code ws} do: REST must speak HTTP/1.1 there.
 */
class BackfillAndAuditTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);
    private static final String KEY = "tape-key-5d21e8";
    private static final List<String> SYMBOLS = List.of("SPY", "AAPL");
    private static final int SECONDS = 150;
    private static final Pattern RECEIVED = Pattern.compile("received (\\d+) .* waiting (\\d+)");

    @TempDir
    Path dir;

    /** Both symbols from 10:00:00; AAPL has no trade in every third second. */
    static List<Bar> tape() {
        List<Bar> bars = new ArrayList<>();
        long start = ExchangeTime.toEpochMillis(DAY, LocalTime.of(10, 0));
        double[] price = {470.25, 185.5};
        long[] accumulated = {2_000_000, 900_000};
        for (int i = 0; i < SECONDS; i++) {
            for (int s = 0; s < SYMBOLS.size(); s++) {
                if (s == 1 && i % 3 == 2) {
                    continue;
                }
                double open = price[s];
                double close = Math.round((open + ((i * 31 + s * 7) % 9 - 4) * 0.01) * 100) / 100.0;
                double volume = 100 + (i * 7919L + s * 104729L) % 3000;
                accumulated[s] += (long) volume;
                long second = start + i * 1000L;
                bars.add(new Bar(SYMBOLS.get(s), second, second + 1000, open, Math.max(open, close) + 0.01,
                        Math.min(open, close) - 0.01, close, volume, (open + close) / 2, accumulated[s], 470.0, 471.0,
                        volume / 5, false));
                price[s] = close;
            }
        }
        return bars;
    }

    private ChildJvm record(H2cRefusingProxy server, Path db, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "--provider", "polygon", "--symbols", "SPY,AAPL",
                "--url", server.websocketUrl(), "--rest-url", server.httpUrl(), "--key", KEY, "--db", db.toString(),
                "--status-every", "200ms"));
        args.addAll(List.of(extra));
        return ChildJvm.start(dir.resolve("home"), List.of(), args.toArray(String[]::new));
    }

    /** Drops the connection a third of the way in, lets the tape finish, waits until the recorder is quiet. */
    private void playWithADrop(TapeServer server, ChildJvm child) {
        Await.until(WAIT, "a third of the tape", () -> server.published() >= SECONDS / 3,
                () -> "published " + server.published() + " out " + child.out() + " err " + child.err());
        server.dropAll();
        Await.until(WAIT, "the whole tape and the recorder back", () -> server.finished() && server.connections() > 0);
        Await.until(WAIT, "the recorder to receive and store all it will get", () -> quiet(child.out()),
                () -> child.out().toString());
    }

    /** Three status lines in a row with the same received count, nothing waiting, no backfill running. */
    private static boolean quiet(List<String> out) {
        List<String> status = out.stream().filter(line -> line.contains(" received ")).toList();
        if (status.size() < 3) {
            return false;
        }
        String received = null;
        for (String line : status.subList(status.size() - 3, status.size())) {
            Matcher matcher = RECEIVED.matcher(line);
            if (!matcher.find() || !matcher.group(2).equals("0") || line.contains("(busy)")
                    || (received != null && !received.equals(matcher.group(1)))) {
                return false;
            }
            received = matcher.group(1);
        }
        return true;
    }

    private static void assertStoredDayIsTheTape(Path db, List<Bar> tape) {
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            for (String symbol : SYMBOLS) {
                List<Bar> expected = tape.stream().filter(bar -> bar.symbol().equals(symbol)).toList();
                List<Bar> stored = store.bars(symbol, 0, Long.MAX_VALUE);
                assertEquals(expected.size(), stored.size(), symbol);
                for (int i = 0; i < expected.size(); i++) {
                    assertTrue(expected.get(i).sameTrades(stored.get(i)), expected.get(i) + " vs " + stored.get(i));
                }
            }
        }
    }

    /** What audit must total: the tape's seconds the store lacks, counted here from the store itself. */
    private static String totalsOfWhatIsMissing(Path db, List<Bar> tape) {
        long missing = 0;
        int differing = 0;
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            for (String symbol : SYMBOLS) {
                java.util.Set<Long> stored = new java.util.HashSet<>();
                store.bars(symbol, 0, Long.MAX_VALUE).forEach(bar -> stored.add(bar.start()));
                long lacking = tape.stream().filter(bar -> bar.symbol().equals(symbol))
                        .filter(bar -> !stored.contains(bar.start())).count();
                missing += lacking;
                differing += lacking > 0 ? 1 : 0;
            }
        }
        assertTrue(missing >= 5, "the drop lost seconds: " + missing);
        return String.format("%,d seconds missing here, 0 missing there, 0 revised in %d of 2 symbols", missing,
                differing);
    }

    @Test
    void aDroppedConnectionIsFilledFromRestAndTheDayIsExactlyTheProvidersWithNoGap() throws Exception {
        List<Bar> tape = tape();
        Path db = dir.resolve("backfilled");
        try (TapeServer server = TapeServer.start(tape, KEY, 25);
             H2cRefusingProxy proxy = H2cRefusingProxy.of(server.restUrl())) {
            try (ChildJvm child = record(proxy, db)) {
                playWithADrop(server, child);
                child.terminate();
                assertEquals(0, child.awaitExit(WAIT), child.err());
                assertTrue(child.out().get(child.out().size() - 1).contains("backfilled"), child.out().toString());
                assertFalse(child.err().contains(KEY), "the key never shows: " + child.err());
            }
            assertTrue(server.pages().stream().anyMatch(page -> !page.last()), "the gap came in several pages");
            assertTrue(server.pages().stream().allMatch(page -> KEY.equals(page.key())));
            assertTrue(server.requestTargets().stream().noneMatch(target -> target.contains(KEY)),
                    "the key travels in a header, never in a URL: " + server.requestTargets());
        }
        assertStoredDayIsTheTape(db, tape);
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING)) {
            long first = tape.get(0).start();
            long last = tape.get(tape.size() - 1).end();
            for (String symbol : SYMBOLS) {
                List<Coverage.Gap> gaps = Coverage.gaps(symbol, store.coverage(first, last)).stream()
                        .filter(gap -> gap.end() > first && gap.start() < last).toList();
                assertEquals(List.of(), gaps, symbol + ": the backfilled span closes the gap");
            }
        }
    }

    @Test
    void auditFindsTheDropsOfARecordingWithoutBackfillAndFixMendsThem() throws Exception {
        List<Bar> tape = tape();
        Path db = dir.resolve("dropped");
        try (TapeServer server = TapeServer.start(tape, KEY, 25);
             H2cRefusingProxy proxy = H2cRefusingProxy.of(server.restUrl())) {
            try (ChildJvm child = record(proxy, db, "--no-backfill")) {
                playWithADrop(server, child);
                child.terminate();
                assertEquals(0, child.awaitExit(WAIT), child.err());
            }
            String expectedTotals = totalsOfWhatIsMissing(db, tape);
            String[] audit = {"audit", "--date", DAY.toString(), "--provider", "polygon", "--rest-url",
                    proxy.httpUrl(), "--key", KEY, "--db", db.toString()};
            CliTest.Run found = CliTest.run(audit);
            assertEquals(5, found.code(), found.out() + found.err());
            assertTrue(found.out().contains("missing here"), found.out());
            assertFalse(found.out().contains("missing here 0  missing there 0  revised 0\nAAPL"), found.out());
            assertTrue(found.out().contains("symbols differ from the provider"), found.out());
            assertTrue(found.out().contains("\nTotals: " + expectedTotals + ".\n"), expectedTotals + " in " + found.out());

            List<String> fixArgs = new ArrayList<>(List.of(audit));
            fixArgs.add("--fix");
            CliTest.Run fixed = CliTest.run(fixArgs.toArray(String[]::new));
            assertEquals(0, fixed.code(), fixed.out() + fixed.err());
            assertTrue(fixed.out().contains("All 2 symbols match"), fixed.out());
            assertTrue(fixed.out().contains("\nTotals: " + expectedTotals + ".\n"), "what --fix found: " + fixed.out());
            CliTest.Run again = CliTest.run(audit);
            assertEquals(0, again.code(), again.out());
        }
        assertStoredDayIsTheTape(db, tape);
    }
}
