package dev.tapewatch.lake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A Parquet table of rows of type {@code T}, described column by column, written with parquet-java straight to a
 * local file (no Hadoop file system). Files are zstd-compressed; only text columns are dictionary-encoded (a
 * dictionary for prices costs more time than it saves bytes on second bars).
 */
public final class ParquetTable<T> {
    /** How a column writes its value of a row; {@code present} is null for a required column. */
    private record Column<T>(Type type, Predicate<T> present, BiConsumer<T, RecordConsumer> writer) {
        boolean isPresent(T row) {
            return present == null || present.test(row);
        }
    }

    private final String name;
    private final List<Column<T>> columns = new ArrayList<>();
    private MessageType schema;

    public ParquetTable(String name) {
        this.name = name;
    }

    /** Text that repeats (a symbol, a source): the encoded form of the previous value is reused. */
    public ParquetTable<T> text(String column, Function<T, String> value) {
        TextCache cache = new TextCache();
        return add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column),
                null, (row, consumer) -> consumer.addBinary(cache.binary(value.apply(row))));
    }

    /** The last text and its bytes; one writer uses a table at a time (the lake writes files one after another). */
    private static final class TextCache {
        private String text;
        private Binary binary;

        synchronized Binary binary(String value) {
            if (!value.equals(text)) {
                text = value;
                binary = Binary.fromConstantByteArray(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return binary;
        }
    }

    /** Optional text; a null value is a null. */
    public ParquetTable<T> optionalText(String column, Function<T, String> value) {
        return add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column),
                row -> value.apply(row) != null, (row, consumer) -> consumer.addBinary(Binary.fromString(value.apply(row))));
    }

    /** A UTC instant in epoch milliseconds: TIMESTAMP(MILLIS, adjusted to UTC). */
    public ParquetTable<T> timestamp(String column, ToLongFunction<T> millis) {
        return add(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(column),
                null, (row, consumer) -> consumer.addLong(millis.applyAsLong(row)));
    }

    public ParquetTable<T> int64(String column, ToLongFunction<T> value) {
        return add(Types.required(PrimitiveTypeName.INT64).named(column), null,
                (row, consumer) -> consumer.addLong(value.applyAsLong(row)));
    }

    /** An optional 64-bit integer; {@code absent} rows are null. */
    public ParquetTable<T> optionalInt64(String column, Predicate<T> absent, ToLongFunction<T> value) {
        return add(Types.optional(PrimitiveTypeName.INT64).named(column), absent.negate(),
                (row, consumer) -> consumer.addLong(value.applyAsLong(row)));
    }

    public ParquetTable<T> float64(String column, ToDoubleFunction<T> value) {
        return add(Types.required(PrimitiveTypeName.DOUBLE).named(column), null,
                (row, consumer) -> consumer.addDouble(value.applyAsDouble(row)));
    }

    /** An optional double: NaN (how a bar says "not sent") is written as null. */
    public ParquetTable<T> optionalFloat64(String column, ToDoubleFunction<T> value) {
        return add(Types.optional(PrimitiveTypeName.DOUBLE).named(column),
                row -> !Double.isNaN(value.applyAsDouble(row)),
                (row, consumer) -> consumer.addDouble(value.applyAsDouble(row)));
    }

    public ParquetTable<T> bool(String column, Predicate<T> value) {
        return add(Types.required(PrimitiveTypeName.BOOLEAN).named(column), null,
                (row, consumer) -> consumer.addBoolean(value.test(row)));
    }

    private ParquetTable<T> add(Type type, Predicate<T> present, BiConsumer<T, RecordConsumer> writer) {
        if (schema != null) {
            throw new IllegalStateException("table " + name + " is complete; columns come before the first file");
        }
        columns.add(new Column<>(type, present, writer));
        return this;
    }

    public synchronized MessageType schema() {
        if (schema == null) {
            schema = new MessageType(name, columns.stream().map(Column::type).toList());
        }
        return schema;
    }

    /** Opens a file to be written beside {@code target} and moved over it on {@link File#commit()}. */
    public File open(Path target) throws IOException {
        return new File(target.toAbsolutePath());
    }

    /** Writes {@code rows} to {@code target}, replacing it atomically; returns the number of rows. */
    public long write(Path target, Iterable<T> rows) throws IOException {
        try (File file = open(target)) {
            for (T row : rows) {
                file.write(row);
            }
            file.commit();
            return file.rows();
        }
    }

    /**
     * One file being written, under a hidden temporary name in the target's folder (readers skip names that
     * start with a dot), moved over the target in one step when complete: a reader sees the old file or the new
     * one, never half of one. Closing without committing deletes the temporary file.
     */
    public final class File implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final ParquetWriter<T> writer;
        private long rows;
        private boolean committed;

        private File(Path target) throws IOException {
            this.target = target;
            Path folder = target.getParent();
            Files.createDirectories(folder);
            this.temporary = Files.createTempFile(folder, "." + target.getFileName(), ".part");
            try {
                Builder builder = new Builder(new LocalOutputFile(temporary))
                        .withConf(new PlainParquetConfiguration())
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withCompressionCodec(CompressionCodecName.ZSTD)
                        .withDictionaryEncoding(false)
                        .withPageSize(1 << 20);
                for (Column<T> column : columns) {
                    if (column.type().asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
                        builder.withDictionaryEncoding(column.type().getName(), true);
                    }
                }
                writer = builder.build();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
        }

        public void write(T row) throws IOException {
            writer.write(row);
            rows++;
        }

        public long rows() {
            return rows;
        }

        /** Finishes the file and moves it over the target. */
        public void commit() throws IOException {
            writer.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    writer.close();
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    private final class Builder extends ParquetWriter.Builder<T, Builder> {
        Builder(LocalOutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new RowWriteSupport();
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport();
        }
    }

    private final class RowWriteSupport extends WriteSupport<T> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema(), new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema(), new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
        }

        @Override
        public void write(T row) {
            consumer.startMessage();
            for (int i = 0; i < columns.size(); i++) {
                Column<T> column = columns.get(i);
                if (column.isPresent(row)) { // a null is a field not written at all
                    String field = column.type().getName();
                    consumer.startField(field, i);
                    column.writer().accept(row, consumer);
                    consumer.endField(field, i);
                }
            }
            consumer.endMessage();
        }
    }
}
