package dev.tapewatch.bench;

import dev.tapewatch.feed.PolygonCodec;
import dev.tapewatch.market.Bar;
import dev.tapewatch.sim.LoopbackServer;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Polygon-compatible server that sends a fixed number of synthetic bars as fast as its one client reads
 * them (a blocking send is the back-pressure): one frame per second of market time, every symbol in it. It
 * notes when every 20th frame went out, to measure the time to a stored bar.
 */
final class Firehose implements AutoCloseable {
    private final LoopbackServer server;
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    private Firehose(List<String> symbols, long start, long bars) throws IOException {
        ServerEndpointConfig endpoint = LoopbackServer.endpoint("/stocks", Stream.class,
                () -> new Stream(symbols, start, bars));
        this.server = LoopbackServer.start(0, endpoint, null);
    }

    static Firehose start(List<String> symbols, long start, long bars) throws IOException {
        return new Firehose(symbols, start, bars);
    }

    URI url() {
        return server.websocketUri();
    }

    long sent() {
        return sent.get();
    }

    /** When the sampled bar (symbol + start) went out, in {@link System#nanoTime()}; removed once read. */
    Long sentAt(Bar bar) {
        return sentAt.remove(bar.symbol() + bar.start());
    }

    @Override
    public void close() {
        server.close();
    }

    /** Authenticates any key; on the first subscription, streams until the target is sent. */
    public final class Stream extends Endpoint {
        private final List<String> symbols;
        private final long start;
        private final long target;

        Stream(List<String> symbols, long start, long target) {
            this.symbols = symbols;
            this.start = start;
            this.target = target;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> {
                if (text.contains("\"auth\"")) {
                    send(session, PolygonCodec.status("auth_success", "authenticated"));
                } else if (text.contains("\"subscribe\"")) {
                    Thread streamer = new Thread(() -> stream(session), "firehose");
                    streamer.setDaemon(true);
                    streamer.start();
                }
            });
            send(session, PolygonCodec.status("connected", "Connected Successfully"));
        }

        private void stream(Session session) {
            long frames = 0;
            for (int second = 0; sent.get() < target && session.isOpen(); second++) {
                List<Bar> frame = new ArrayList<>(symbols.size());
                long time = start + second * 1000L;
                for (int k = 0; k < symbols.size() && sent.get() + frame.size() < target; k++) {
                    frame.add(SyntheticBars.bar(symbols.get(k), time, second));
                }
                if (++frames % 20 == 0) {
                    sentAt.put(frame.get(0).symbol() + frame.get(0).start(), System.nanoTime());
                }
                send(session, PolygonCodec.bars(frame));
                sent.addAndGet(frame.size());
            }
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
