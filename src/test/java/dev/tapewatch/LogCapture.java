package dev.tapewatch;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects every log event (all levels) while open, to assert what was and was not logged. */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ch.qos.logback.classic.Level previous = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.ALL);
    }

    /**
     * Every event as text: message, arguments filled in, and the stack trace if any. The JDK's HTTP server is left
     * out: only tests' own receivers run it, and once JUL is bridged its debug lines echo what they were sent.
     */
    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().filter(event -> !event.getLoggerName().startsWith("com.sun.net.httpserver"))
                    .map(event -> event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }
}
