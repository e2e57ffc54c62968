package dev.tapewatch.feed;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends java.util.logging (used by Grizzly and Tyrus) through SLF4J, so one configuration rules all logs. */
public final class JulLogging {
    private JulLogging() {
    }

    public static synchronized void routeToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
