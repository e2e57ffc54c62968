package dev.tapewatch.market;

import java.util.Locale;

/** Prices as quotes show them. */
public final class Prices {
    private Prices() {
    }

    /** To the cent; sub-dollar prices to a hundredth of a cent. */
    public static String text(double price) {
        return Math.abs(price) >= 1 ? String.format(Locale.ROOT, "%.2f", price) : String.format(Locale.ROOT, "%.4f", price);
    }
}
