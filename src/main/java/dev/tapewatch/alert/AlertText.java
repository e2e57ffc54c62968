package dev.tapewatch.alert;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Prices;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What an alert says, the same everywhere: "SPY ▼ −1.32% 471.20→465.00 (464.90–471.30) · vol 12.3K, 10x usual,
 * RVol 1.4× · volume and price spike, score 607.7 · 10:31:05 ET". Unknown figures are left out, not shown as 0.
 */
public final class AlertText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private AlertText() {
    }

    public static String of(Alert alert) {
        StringBuilder text = new StringBuilder(alert.symbol()).append(' ');
        double change = alert.changePercent();
        if (!Double.isNaN(change)) {
            text.append(switch (alert.direction()) {
                case UP -> "▲ +";
                case DOWN -> "▼ −";
                case FLAT -> "■ ";
            }).append(String.format(Locale.ROOT, "%.2f%% ", Math.abs(change)))
                    .append(Prices.text(alert.fromPrice())).append('→');
        }
        text.append(Prices.text(alert.price()));
        if (alert.low() < alert.high()) {
            text.append(" (").append(Prices.text(alert.low())).append('–').append(Prices.text(alert.high())).append(')');
        }
        if (!Double.isNaN(alert.volume())) {
            text.append(" · vol ").append(shares(alert.volume()));
        }
        if (!Double.isNaN(alert.volumeMultiple())) {
            text.append(Double.isNaN(alert.volume()) ? " · " : ", ")
                    .append(String.format(Locale.ROOT, "%.0fx usual", alert.volumeMultiple()));
        }
        if (!Double.isNaN(alert.relativeVolume())) {
            text.append(String.format(Locale.ROOT, ", RVol %.1f×", alert.relativeVolume()));
        }
        text.append(" · ").append(alert.what());
        if (alert.score() > 0) {
            text.append(String.format(Locale.ROOT, ", score %.1f", alert.score()));
        }
        return text.append(" · ").append(CLOCK.format(ExchangeTime.localDateTime(alert.time()))).append(" ET")
                .toString();
    }

    /** 950, 12.3K, 4.1M. */
    static String shares(double volume) {
        if (volume >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", volume / 1_000_000);
        }
        return volume >= 1_000 ? String.format(Locale.ROOT, "%.1fK", volume / 1_000)
                : String.format(Locale.ROOT, "%.0f", volume);
    }
}
