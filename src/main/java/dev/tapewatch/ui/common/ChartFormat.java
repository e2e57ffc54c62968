package dev.tapewatch.ui.common;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Candles;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Prices;
import dev.tapewatch.market.Spike;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.util.StringConverter;

/** How the window writes times, prices and volumes: as a trader reads them, never in scientific notation. */
public final class ChartFormat {
    public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ChartFormat() {
    }

    /** HH:mm:ss in New York of a time in epoch seconds (a time axis value). */
    public static String clock(double epochSeconds) {
        return CLOCK.format(ExchangeTime.localDateTime((long) (epochSeconds * 1000)));
    }

    public static StringConverter<Number> converter(Function<Double, String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Volumes as people say them: 950, 12.5k, 1.3M, never in scientific notation. */
    public static String compactShares(double shares) {
        double magnitude = Math.abs(shares);
        if (magnitude >= 1e9) {
            return trimmed(shares / 1e9) + "B";
        }
        if (magnitude >= 1e6) {
            return trimmed(shares / 1e6) + "M";
        }
        if (magnitude >= 1e3) {
            return trimmed(shares / 1e3) + "k";
        }
        return trimmed(shares);
    }

    private static String trimmed(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    public static String price(double value) {
        return Prices.text(value);
    }

    public static String describe(Bar bar, int step) {
        return String.format(Locale.ROOT, "%s %s %s   O %s  H %s  L %s  C %s   V %s   VWAP %s", bar.symbol(),
                CLOCK.format(ExchangeTime.localDateTime(bar.start())), Candles.label(step), price(bar.open()),
                price(bar.high()), price(bar.low()), price(bar.close()), compactShares(bar.volume()),
                price(bar.vwap()));
    }

    /** "burst 12x", "block 30x", "price 4.2σ": a price spike is a move in deviations, not a multiple of volume. */
    public static String describe(Spike spike) {
        return switch (spike.kind()) {
            case VOLUME -> String.format(Locale.ROOT, "%s %.0fx", spike.label(), spike.volumeMultiple());
            case PRICE -> String.format(Locale.ROOT, "price %.1fσ", spike.peakScore());
            case BOTH -> String.format(Locale.ROOT, "%s %.0fx + price", spike.prints().name().toLowerCase(Locale.ROOT),
                    spike.volumeMultiple());
        };
    }
}
