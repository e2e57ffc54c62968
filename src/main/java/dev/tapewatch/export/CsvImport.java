package dev.tapewatch.export;

import dev.tapewatch.store.BarStore;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Reads bar CSV (the export format) into the store; bars with an existing key replace the stored ones. */
public final class CsvImport {
    private final BarStore store;

    public CsvImport(BarStore store) {
        this.store = store;
    }

    /**
     * Checks the whole file first (encoding, then every row), then stores it in one transaction: a bad row or
     * a failed write (a full disk) leaves the database as it was.
     *
     * @return the number of bars imported
     */
    public long fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
        String source = file.toString();
        requireUtf8(file, source);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BarCsv.read(in, source, bar -> { });
        }
        try {
            return store.writeDurably("import bars into", writes -> {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return BarCsv.read(in, source, bar -> {
                        try {
                            writes.upsert(bar);
                        } catch (SQLException e) {
                            throw new SqlFailure(e);
                        }
                    });
                } catch (SqlFailure e) {
                    throw e.sql;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Carries a write failure out of the row callback to the transaction, which rolls back. */
    private static final class SqlFailure extends RuntimeException {
        private final SQLException sql;

        SqlFailure(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    /** Names the line of the first byte that is not UTF-8, and a byte-order mark, before anything is parsed. */
    private static void requireUtf8(Path file, String source) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long number = 1;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    byte[] bytes = line.toByteArray();
                    if (number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                            && (bytes[2] & 0xff) == 0xBF) {
                        throw new CsvFormatException(source + " line 1: the file starts with a byte-order mark"
                                + " (EF BB BF). Save it as UTF-8 without BOM (\"CSV UTF-8\" adds one) and import again.");
                    }
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(bytes));
                    } catch (CharacterCodingException e) {
                        throw new CsvFormatException(source + " line " + number + ": not UTF-8 text (a byte that"
                                + " UTF-8 does not allow; Latin-1 or Windows-1252?). Save the file as UTF-8 and"
                                + " import again.");
                    }
                    if (b < 0) {
                        return;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        }
    }
}
