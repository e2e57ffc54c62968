package dev.tapewatch.lake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the lake holds, {@code _manifest.json} in its folder (readers skip names starting with an underscore): for
 * each day and symbol the bar count and a SHA-256 of the content written, so a run rewrites only what changed.
 */
final class Manifest {
    static final String FILE = "_manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One symbol-day file's fingerprint. */
    record Entry(long bars, String sha256) {
    }

    private final Path file;
    private final TreeMap<String, TreeMap<String, Entry>> days;

    private Manifest(Path file, TreeMap<String, TreeMap<String, Entry>> days) {
        this.file = file;
        this.days = days;
    }

    static Manifest load(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return new Manifest(file, new TreeMap<>());
        }
        try {
            TreeMap<String, TreeMap<String, Entry>> days = JSON.readValue(file.toFile(),
                    new TypeReference<TreeMap<String, TreeMap<String, Entry>>>() { });
            return new Manifest(file, days);
        } catch (IOException e) {
            throw new IOException("Cannot read the lake's manifest " + file + " (" + e.getMessage() + ")."
                    + " Delete it and run with --all-days to rewrite the lake.", e);
        }
    }

    Entry get(LocalDate day, String symbol) {
        Map<String, Entry> symbols = days.get(day.toString());
        return symbols == null ? null : symbols.get(symbol);
    }

    void put(LocalDate day, String symbol, Entry entry) {
        days.computeIfAbsent(day.toString(), d -> new TreeMap<>()).put(symbol, entry);
    }

    void remove(LocalDate day, String symbol) {
        Map<String, Entry> symbols = days.get(day.toString());
        if (symbols != null) {
            symbols.remove(symbol);
            if (symbols.isEmpty()) {
                days.remove(day.toString());
            }
        }
    }

    /** Symbols recorded for a day. */
    Set<String> symbols(LocalDate day) {
        Map<String, Entry> symbols = days.get(day.toString());
        return symbols == null ? Set.of() : Set.copyOf(symbols.keySet());
    }

    List<LocalDate> days() {
        return days.keySet().stream().map(LocalDate::parse).toList();
    }

    /** Written through a temporary file moved into place. */
    void save() throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE, ".part");
        try {
            JSON.writeValue(temporary.toFile(), days);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
