package dev.tapewatch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketPermission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tests never reach the network: a security manager that refuses to resolve or dial any host but loopback, and
 * permits everything else. Each refusal is thrown where it happens and appended to the file named by
 * {@code tapewatch.test.dialouts} (child JVMs of tests write there too), so {@link LoopbackOnlyExtension} fails
 * the test in which it happened even when the code under test swallowed the exception.
 */
public final class LoopbackOnly extends SecurityManager {
    public static final String LOG_PROPERTY = "tapewatch.test.dialouts";
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1",
            "[::1]", "[0:0:0:0:0:0:0:1]");

    /** Installs it in this JVM once (surefire's argLine allows it with -Djava.security.manager=allow). */
    public static synchronized void install() {
        if (!(System.getSecurityManager() instanceof LoopbackOnly)) {
            String log = System.getProperty(LOG_PROPERTY);
            try {
                if (log != null) {
                    Files.deleteIfExists(Path.of(log)); // a new run: what an earlier one wrote is not this one's
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot clear " + log, e);
            }
            System.setSecurityManager(new LoopbackOnly());
        }
    }

    /** The JVM options that put a child JVM under the same guard, writing to the same file. */
    public static List<String> childOptions() {
        String log = System.getProperty(LOG_PROPERTY);
        return log == null ? List.of() : List.of("-Djava.security.manager=" + LoopbackOnly.class.getName(),
                "-D" + LOG_PROPERTY + "=" + log);
    }

    /** Refusals written so far (by this JVM and its children), one per line. */
    public static List<String> refusals() {
        String log = System.getProperty(LOG_PROPERTY);
        try {
            return log == null || !Files.exists(Path.of(log)) ? List.of()
                    : new ArrayList<>(Files.readAllLines(Path.of(log), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of("cannot read " + log + ": " + e);
        }
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (LOOPBACK.contains(name) || name.startsWith("127.")) {
            return true;
        }
        return name.isEmpty(); // a socket bound to no host in particular
    }

    @Override
    public void checkConnect(String host, int port) {
        check(host, port);
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
        check(host, port);
    }

    @Override
    public void checkPermission(Permission permission) {
        if (permission instanceof SocketPermission socket && (socket.getActions().contains("connect")
                || socket.getActions().contains("resolve"))) {
            String name = socket.getName();
            String host = name.startsWith("[") ? name.substring(0, name.indexOf(']') + 1)
                    : name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            check(host, -1);
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    private static void check(String host, int port) {
        if (host == null || isLoopback(host) || host.equals("*") || host.equals(localName())) {
            return;
        }
        String refusal = "a test tried to reach " + host + (port < 0 ? " (resolve)" : ":" + port);
        record(refusal);
        throw new SecurityException(refusal + ": tests reach 127.0.0.1 only");
    }

    /** The machine's own name resolves to itself: the JDK asks it for local address look-ups. */
    private static String localName() {
        return LOCAL_NAME;
    }

    private static final String LOCAL_NAME = ownName();

    private static String ownName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static synchronized void record(String refusal) {
        String log = System.getProperty(LOG_PROPERTY);
        if (log == null) {
            return;
        }
        StackTraceElement[] stack = new Throwable().getStackTrace();
        StringBuilder line = new StringBuilder(refusal).append(" from");
        for (int i = 0, shown = 0; i < stack.length && shown < 6; i++) {
            if (stack[i].getClassName().startsWith("dev.tapewatch") && !stack[i].getClassName().equals(
                    LoopbackOnly.class.getName())) {
                line.append(' ').append(stack[i].getClassName()).append('.').append(stack[i].getMethodName());
                shown++;
            }
        }
        try {
            Files.writeString(Path.of(log), line.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("LoopbackOnly cannot write " + log + ": " + e);
        }
    }
}
