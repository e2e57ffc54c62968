package dev.tapewatch.export;

import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.LongConsumer;

/** Writes a symbol's bars in a time range as CSV, streamed from the store. */
public final class CsvExport {
    private final BarStore store;

    public CsvExport(BarStore store) {
        this.store = store;
    }

    /**
     * Writes to {@code target} through a temporary file in the same folder, moved into place only when
     * complete: a failed export leaves no partial file and keeps any previous file.
     *
     * @return the number of rows written
     */
    public long toFile(String symbol, long from, long to, Path target, LongConsumer progress) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + absolute + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("Cannot write " + absolute + ": it is a folder; give a file name");
        }
        refuseDatabaseFile(absolute);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
        try {
            long rows;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                rows = toStream(symbol, from, to, out, progress);
            }
            moveIntoPlace(temporary, absolute);
            return rows;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Database files an export must never replace: by name, and by content (H2's header) whatever the name. */
    private static final List<String> DATABASE_SUFFIXES = List.of(".mv.db", ".h2.db", ".trace.db", ".lock.db",
            ".db", ".sqlite", ".sqlite3");

    private static void refuseDatabaseFile(Path target) throws IOException {
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean databaseName = DATABASE_SUFFIXES.stream().anyMatch(name::endsWith);
        if (databaseName || startsWithH2Header(target)) {
            throw new IOException("Refusing to write the CSV over " + target + ": that is "
                    + (databaseName ? "a database file name" : "an H2 database")
                    + ". Give the export a file name of its own, e.g. " + suggestedName(name) + ".");
        }
    }

    /** Every H2 MVStore file begins with the text {@code H:2,}. */
    private static boolean startsWithH2Header(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && new String(head, StandardCharsets.ISO_8859_1).equals("H:2,");
        }
    }

    private static String suggestedName(String name) {
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".csv";
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes the CSV to a stream (e.g. stdout); the stream is flushed, not closed. */
    public long toStream(String symbol, long from, long to, OutputStream out, LongConsumer progress)
            throws IOException {
        List<Spike> spikes = store.spikes(symbol, from - 24L * 3600_000, to);
        BarCsv.RowWriter rows = new BarCsv.RowWriter(out);
        rows.header();
        SpikeCursor inSpike = new SpikeCursor(spikes);
        try {
            store.forEachBar(symbol, from, to, bar -> {
                try {
                    rows.write(bar, inSpike.contains(bar.start()));
                    if (progress != null && rows.rows() % 1_000 == 0) {
                        progress.accept(rows.rows());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        rows.flush();
        return rows.rows();
    }

    /** Answers "is this time inside a spike" for increasing times in O(1) amortised. */
    private static final class SpikeCursor {
        private final List<Spike> spikes;
        private int next;

        SpikeCursor(List<Spike> spikes) {
            this.spikes = spikes;
        }

        boolean contains(long time) {
            while (next < spikes.size() && spikes.get(next).end() <= time) {
                next++;
            }
            return next < spikes.size() && spikes.get(next).contains(time);
        }
    }
}
