package dev.tapewatch.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.client.ClientManager;

/**
 * The recorder a user would write instead of using Tapewatch, as strong as a simple one gets: a websocket client,
 * Jackson data binding, and SQLite (WAL, synchronous=NORMAL: a commit survives the process being killed, as ours
 * does) with one upsert transaction per batch drained from a queue by a writer thread. Only the benchmark uses it.
 */
final class SqliteRecorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Aggregate STOP = new Aggregate();

    /** One Polygon event; the recorder binds the fields it stores. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Aggregate {
        public String ev;
        public String sym;
        public double v;
        public double av;
        public double op;
        public double vw;
        public double o;
        public double c;
        public double h;
        public double l;
        public double a;
        public double z;
        public long s;
        public long e;
        public boolean otc;
    }

    private final BlockingQueue<Aggregate> queue = new ArrayBlockingQueue<>(200_000);
    private final AtomicLong stored = new AtomicLong();
    private final Connection connection;
    private final Thread writer;
    private volatile SQLException failure;
    private Session session;

    SqliteRecorder(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement setup = connection.createStatement()) {
            setup.execute("PRAGMA journal_mode=WAL");
            setup.execute("PRAGMA synchronous=NORMAL");
            setup.execute("CREATE TABLE IF NOT EXISTS bars (symbol TEXT NOT NULL, start_ms INTEGER NOT NULL,"
                    + " end_ms INTEGER NOT NULL, open REAL, high REAL, low REAL, close REAL, volume REAL, vwap REAL,"
                    + " accumulated_volume REAL, day_open REAL, day_vwap REAL, avg_trade_size REAL, otc INTEGER,"
                    + " PRIMARY KEY (symbol, start_ms))");
        }
        connection.setAutoCommit(false);
        writer = new Thread(this::write, "sqlite-writer");
        writer.start();
    }

    void connect(URI url) throws Exception {
        session = ClientManager.createClient().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session opened, EndpointConfig config) {
                opened.addMessageHandler(new MessageHandler.Whole<String>() {
                    @Override
                    public void onMessage(String text) {
                        receive(opened, text);
                    }
                });
            }
        }, ClientEndpointConfig.Builder.create().build(), URI.create(url + "/stocks"));
        session.getBasicRemote().sendText("{\"action\":\"auth\",\"params\":\"bench\"}");
    }

    private void receive(Session opened, String text) {
        try {
            for (Aggregate event : JSON.readValue(text, Aggregate[].class)) {
                if ("A".equals(event.ev)) {
                    queue.put(event);
                } else if ("status".equals(event.ev) && text.contains("auth_success")) {
                    opened.getBasicRemote().sendText("{\"action\":\"subscribe\",\"params\":\"A.*\"}");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long stored() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        return stored.get();
    }

    private void write() {
        List<Aggregate> batch = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO bars VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, start_ms) DO UPDATE SET"
                + " end_ms = excluded.end_ms, open = excluded.open, high = excluded.high, low = excluded.low,"
                + " close = excluded.close, volume = excluded.volume, vwap = excluded.vwap,"
                + " accumulated_volume = excluded.accumulated_volume, day_open = excluded.day_open,"
                + " day_vwap = excluded.day_vwap, avg_trade_size = excluded.avg_trade_size, otc = excluded.otc")) {
            while (true) {
                Aggregate first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == STOP) {
                    return;
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 9_999);
                boolean stop = batch.remove(STOP);
                for (Aggregate bar : batch) {
                    upsert.setString(1, bar.sym);
                    upsert.setLong(2, bar.s);
                    upsert.setLong(3, bar.e);
                    upsert.setDouble(4, bar.o);
                    upsert.setDouble(5, bar.h);
                    upsert.setDouble(6, bar.l);
                    upsert.setDouble(7, bar.c);
                    upsert.setDouble(8, bar.v);
                    upsert.setDouble(9, bar.vw);
                    upsert.setDouble(10, bar.av);
                    upsert.setDouble(11, bar.op);
                    upsert.setDouble(12, bar.a);
                    upsert.setDouble(13, bar.z);
                    upsert.setBoolean(14, bar.otc);
                    upsert.addBatch();
                }
                upsert.executeBatch();
                connection.commit();
                stored.addAndGet(batch.size());
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        if (session != null) {
            session.close();
        }
        queue.put(STOP);
        writer.join();
        connection.close();
    }
}
