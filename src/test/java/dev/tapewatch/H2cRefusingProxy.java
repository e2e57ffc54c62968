package dev.tapewatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in front of a loopback server the way Node's {@code ws} on an {@code http} server does: any request that
 * offers an {@code h2c} upgrade is answered {@code 400 Invalid Upgrade header} and closed; everything else (plain
 * HTTP/1.1 requests and websocket upgrades) passes through byte for byte.
 */
public final class H2cRefusingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread acceptor;

    private H2cRefusingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "h2c-refusing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free loopback port in front of the server at {@code target} (any URL of it). */
    public static H2cRefusingProxy of(String target) throws IOException {
        return new H2cRefusingProxy(URI.create(target).getPort());
    }

    public String websocketUrl() {
        return "ws://127.0.0.1:" + listener.getLocalPort();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Requests answered 400 because they offered h2c. */
    public int refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread connection = new Thread(() -> serve(client), "h2c-refusing-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Request heads one by one (GETs carry no body); after a websocket upgrade, raw bytes both ways. */
    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            sockets.add(upstream);
            InputStream fromClient = client.getInputStream();
            OutputStream toUpstream = upstream.getOutputStream();
            Thread back = new Thread(() -> pipe(upstreamInput(upstream), output(client)), "h2c-proxy-back");
            back.setDaemon(true);
            back.start();
            while (true) {
                String head = readHead(fromClient);
                if (head == null) {
                    return;
                }
                String lower = head.toLowerCase(Locale.ROOT);
                if (lower.contains("\nupgrade: h2c")) {
                    refused.incrementAndGet();
                    String body = "Invalid Upgrade header";
                    client.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n"
                            + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    return;
                }
                toUpstream.write(head.getBytes(StandardCharsets.ISO_8859_1));
                toUpstream.flush();
                if (lower.contains("\nupgrade: websocket")) {
                    pipe(fromClient, toUpstream);
                    return;
                }
            }
        } catch (IOException e) {
            // a side closed: the connection ends
        }
    }

    private static InputStream upstreamInput(Socket socket) {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static OutputStream output(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(InputStream in, OutputStream out) {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
