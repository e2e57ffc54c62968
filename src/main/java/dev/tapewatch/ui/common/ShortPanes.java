package dev.tapewatch.ui.common;

import javafx.scene.control.ScrollPane;

/**
 * A side pane in a short window (stacked under the watchlist of a laptop-sized one) scrolls rather than squeezing
 * its lists below the few rows they keep (their minimum heights); as wide as its column, never scrolled sideways.
 */
public final class ShortPanes {
    private ShortPanes() {
    }

    public static <T extends ScrollPane> T fitted(T scroll) {
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }
}
