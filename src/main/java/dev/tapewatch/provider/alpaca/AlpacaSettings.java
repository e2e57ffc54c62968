package dev.tapewatch.provider.alpaca;

import dev.tapewatch.provider.OwnSettings;
import java.util.List;

/** Alpaca's secret (never print it) and feed ({@code iex}, {@code sip}, {@code delayed_sip}, {@code test}). */
public record AlpacaSettings(String secret, String feed) implements OwnSettings {
    public static final List<String> FEEDS = List.of("iex", "sip", "delayed_sip", "test");

    @Override
    public String toString() {
        return "Alpaca[secret=***, feed=" + feed + "]";
    }
}
