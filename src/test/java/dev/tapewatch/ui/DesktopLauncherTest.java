package dev.tapewatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rendering settings the window starts with: ours by default, the user's when given. */
class DesktopLauncherTest {
    private static final String REGION_CACHING = "prism.disableRegionCaching";

    @Test
    void regionCachingIsOffUnlessTheUserTurnedItOn() {
        String before = System.getProperty(REGION_CACHING);
        try {
            System.clearProperty(REGION_CACHING);
            DesktopLauncher.useRenderingDefaults();
            assertEquals("true", System.getProperty(REGION_CACHING));
            System.setProperty(REGION_CACHING, "false");
            DesktopLauncher.useRenderingDefaults();
            assertEquals("false", System.getProperty(REGION_CACHING), "a value the user gave wins");
        } finally {
            if (before == null) {
                System.clearProperty(REGION_CACHING);
            } else {
                System.setProperty(REGION_CACHING, before);
            }
        }
    }
}
