package dev.tapewatch.ui.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Known US tickers with company names: a bundled list plus whatever else the app has seen. */
final class Tickers {
    private final Map<String, String> names = new TreeMap<>();
    private final int bundled;

    Tickers() {
        try (InputStream in = Tickers.class.getResourceAsStream("/dev/tapewatch/ui/tickers.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank()).forEach(line -> {
                int comma = line.indexOf(',');
                names.put(line.substring(0, comma), line.substring(comma + 1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundled = names.size();
    }

    /** In the bundled list, or seen in the database. */
    synchronized boolean known(String symbol) {
        return names.containsKey(symbol);
    }

    int bundledCount() {
        return bundled;
    }

    synchronized void addAll(Collection<String> symbols) {
        symbols.forEach(symbol -> names.putIfAbsent(symbol, ""));
    }

    synchronized String name(String symbol) {
        return names.getOrDefault(symbol, "");
    }

    /** Tickers starting with the text first, then names containing it; at most {@code limit}. */
    synchronized List<String> search(String text, int limit) {
        String query = text.trim().toUpperCase(Locale.ROOT);
        if (query.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        names.keySet().stream().filter(symbol -> symbol.startsWith(query)).forEach(found::add);
        names.forEach((symbol, name) -> {
            if (name.toUpperCase(Locale.ROOT).contains(query)) {
                found.add(symbol);
            }
        });
        return found.stream().limit(limit).toList();
    }
}
