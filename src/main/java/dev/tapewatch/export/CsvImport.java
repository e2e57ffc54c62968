package dev.tapewatch.export;

import dev.tapewatch.market.Bar;
import dev.tapewatch.store.BarStore;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads bar CSV (the export format) into the store; bars with an existing key replace the stored ones. */
public final class CsvImport {
    private static final int BATCH = 5_000;
    private final BarStore store;

    public CsvImport(BarStore store) {
        this.store = store;
    }

    /**
     * Checks the whole file first, then stores it, so a bad row leaves the database as it was.
     *
     * @return the number of bars imported
     */
    public long fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
        String source = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BarCsv.read(in, source, bar -> { });
        }
        List<Bar> batch = new ArrayList<>(BATCH);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long count = BarCsv.read(in, source, bar -> {
                batch.add(bar);
                if (batch.size() == BATCH) {
                    store.upsert(batch);
                    batch.clear();
                }
            });
            store.upsert(batch);
            return count;
        }
    }
}
