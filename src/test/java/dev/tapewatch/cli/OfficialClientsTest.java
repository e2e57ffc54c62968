package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapewatch.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The providers' official JavaScript clients (src/test/node, installed by {@code npm ci}, which .ci/run does) against
 * {@code simulate} in a process of its own on 127.0.0.1: Alpaca's SDK (v4, msgpack always) streams trades of two
 * symbols from {@code --protocol alpaca}, and Polygon's client streams per-second aggregates.
 */
class OfficialClientsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path NODE_DIR = Path.of("src/test/node");
    private static final Pattern URL = Pattern.compile("(ws://127\\.0\\.0\\.1:\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sdk-key-3f81";

    @TempDir
    Path dir;

    private record Node(int code, List<JsonNode> lines, String err) {
    }

    private Node node(String script, String... args) throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
            throw new AssertionError("The official clients are not installed: run 'npm ci' in " + NODE_DIR
                    + " (.ci/run does) and make sure node is on the PATH.");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path err = dir.resolve(script + ".err");
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish: " + Files.readString(err));
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Node(process.exitValue(), lines, Files.readString(err));
    }

    private ChildJvm simulate(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("simulate", "--port", "0", "--speed", "20", "--start",
                "2024-01-02T10:00", "--key", KEY));
        args.addAll(List.of(extra));
        return ChildJvm.start(dir.resolve("home"), List.of(), args.toArray(String[]::new));
    }

    private static String url(ChildJvm server) {
        Matcher matcher = URL.matcher(server.awaitLine(WAIT, "the server's address",
                line -> line.startsWith("Simulated market")));
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    @Test
    void alpacasOfficialSdkStreamsTradesOfTwoSymbolsFromTheSimulator() throws Exception {
        try (ChildJvm server = simulate("--protocol", "alpaca")) {
            Node run = node("alpaca-trades.mjs", url(server) + "/v2/iex", KEY, "sdk-secret", "SPY,AAPL", "20");
            assertEquals(0, run.code(), run.err() + run.lines());
            assertEquals(List.of("SPY", "AAPL"), run.lines().stream().map(line -> line.get("symbol").asText())
                    .toList());
            for (JsonNode line : run.lines()) {
                assertTrue(line.get("trades").asInt() >= 20, line.toString());
                assertTrue(line.get("price").asDouble() > 0 && line.get("size").asDouble() > 0, line.toString());
                Instant first = Instant.parse(line.get("first").asText());
                assertTrue(first.toString().startsWith("2024-01-02T15:0"), "10:0x ET, the simulated day: " + line);
            }
        }
    }

    @Test
    void polygonsOfficialClientStreamsAggregatesFromTheSimulator() throws Exception {
        try (ChildJvm server = simulate()) {
            Node run = node("polygon-aggregates.mjs", url(server), KEY, "SPY,AAPL", "10");
            assertEquals(0, run.code(), run.err() + run.lines());
            assertEquals(List.of("SPY", "AAPL"), run.lines().stream().map(line -> line.get("symbol").asText())
                    .toList());
            for (JsonNode line : run.lines()) {
                assertTrue(line.get("bars").asInt() >= 10, line.toString());
                assertTrue(Instant.ofEpochMilli(line.get("first").asLong()).toString().startsWith("2024-01-02T15:0"),
                        line.toString());
            }
        }
    }
}
