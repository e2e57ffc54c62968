package dev.tapewatch;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (META-INF/services, autodetection on): puts the JVM under {@link LoopbackOnly} and fails
 * the test (or class) during which anything, here or in a child JVM, tried to reach a host other than loopback.
 */
public final class LoopbackOnlyExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static int seen;

    @Override
    public void beforeAll(ExtensionContext context) {
        LoopbackOnly.install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnNewRefusals(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnNewRefusals(context.getDisplayName());
    }

    static synchronized void failOnNewRefusals(String where) {
        List<String> refusals = LoopbackOnly.refusals();
        if (refusals.size() > seen) {
            List<String> fresh = refusals.subList(seen, refusals.size());
            seen = refusals.size();
            throw new AssertionError("Tests reach 127.0.0.1 only, but during " + where + " " + String.join("; ",
                    fresh));
        }
    }
}
