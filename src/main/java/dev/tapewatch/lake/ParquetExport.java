package dev.tapewatch.lake;

import dev.tapewatch.store.BarStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One symbol's bars in a time range as one Parquet file, with the lake's columns, streamed from the store. */
public final class ParquetExport {
    private static final long DAY_BEFORE = 24L * 3600_000;
    private final BarStore store;

    public ParquetExport(BarStore store) {
        this.store = store;
    }

    /** Writes the file through a temporary one moved into place; returns the number of rows. */
    public long toFile(String symbol, long from, long to, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + absolute + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("Cannot write " + absolute + ": it is a folder; give a file name");
        }
        String name = absolute.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".db") || name.endsWith(".mv.db") || name.endsWith(".sqlite")) {
            throw new IOException("Refusing to write Parquet over " + absolute + ": that is a database file name."
                    + " Give the export a name of its own, e.g. " + symbol + ".parquet.");
        }
        SpikeCursor inSpike = new SpikeCursor(store.spikes(symbol, from - DAY_BEFORE, to));
        try (ParquetTable<LakeTables.Row>.File file = LakeTables.BARS.open(absolute)) {
            try {
                store.forEachBar(symbol, from, to, bar -> {
                    try {
                        file.write(new LakeTables.Row(bar, inSpike.contains(bar.start())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            file.commit();
            return file.rows();
        }
    }
}
