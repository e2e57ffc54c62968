package dev.tapewatch.bench;

import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.serve.LoopbackServer;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A Polygon-compatible server that sends a fixed number of synthetic bars as fast as its client reads them (a
 * blocking send is the back-pressure): one frame per second of market time, every symbol in it. The frames
 * are encoded before anyone connects, so the server costs little more than the socket writes. Benchmarks run
 * it as a process of its own ({@link #main}), competing for the cores as an outside feed would.
 */
public final class Firehose implements AutoCloseable {
    static final long START = ExchangeTime.toEpochMillis(LocalDate.of(2024, 1, 2), LocalTime.of(9, 30));
    private final LoopbackServer server;

    private Firehose(List<String> frames) throws IOException {
        ServerEndpointConfig endpoint = LoopbackServer.endpoint("/stocks", Stream.class, () -> new Stream(frames));
        this.server = LoopbackServer.start(0, endpoint, null);
    }

    /** Serves {@code bars} bars of {@code symbols} synthetic symbols ({@link SyntheticBars#symbol}). */
    static Firehose start(int symbols, long bars) throws IOException {
        List<String> frames = new ArrayList<>();
        long encoded = 0;
        for (int second = 0; encoded < bars; second++) {
            List<Bar> frame = new ArrayList<>(symbols);
            for (int k = 0; k < symbols && encoded + frame.size() < bars; k++) {
                frame.add(SyntheticBars.bar(SyntheticBars.symbol(k), START + second * 1000L, second));
            }
            frames.add(PolygonCodec.bars(frame));
            encoded += frame.size();
        }
        return new Firehose(frames);
    }

    URI url() {
        return server.websocketUri();
    }

    /**
     * {@code Firehose BARS SYMBOLS}: prints its websocket URL once ready, streams to each client that
     * subscribes, and ends when its standard input closes.
     */
    public static void main(String[] args) throws Exception {
        try (Firehose firehose = start(Integer.parseInt(args[1]), Long.parseLong(args[0]))) {
            System.out.println(firehose.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our input
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** Authenticates any key; on a subscription, streams every frame once. */
    public static final class Stream extends Endpoint {
        private final List<String> frames;

        Stream(List<String> frames) {
            this.frames = frames;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> {
                if (text.contains("\"auth\"")) {
                    send(session, PolygonCodec.status("auth_success", "authenticated"));
                } else if (text.contains("\"subscribe\"")) {
                    Thread streamer = new Thread(() -> frames.forEach(frame -> send(session, frame)), "firehose");
                    streamer.setDaemon(true);
                    streamer.start();
                }
            });
            send(session, PolygonCodec.status("connected", "Connected Successfully"));
        }

        private void send(Session session, String text) {
            try {
                synchronized (session) {
                    session.getBasicRemote().sendText(text);
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away; the benchmark reports what it stored
            }
        }
    }
}
