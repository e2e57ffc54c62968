package dev.tapewatch.lake;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.CoverageSpan;
import dev.tapewatch.store.DayCount;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stored bars as a Parquet dataset partitioned by exchange day, Hive-style: {@code DIR/date=YYYY-MM-DD/SYMBOL.parquet},
 * one file per symbol-day, so DuckDB, pyarrow, Polars, Spark and Trino read {@code DIR} as one table with a
 * {@code date} column. Beside them {@code _spikes.parquet}, {@code _coverage.parquet} (the spikes and coverage spans
 * of the days in the lake) and {@code _manifest.json}; readers skip names starting with an underscore.
 * <p>
 * Incremental: a symbol-day is written only when its content (bars and spike flags, fingerprinted) differs from
 * what the manifest says was written, so a second run adds nothing and a day changed by an import or an audit fix
 * is rewritten. Every file is replaced atomically; a file is one symbol-day's bars, so no bar is ever written twice.
 */
public final class Lake {
    static final String SPIKES_FILE = "_spikes.parquet";
    static final String COVERAGE_FILE = "_coverage.parquet";
    private static final long DAY_BEFORE = 24L * 3600_000;

    /** Which days and symbols to bring up to date ({@code symbols} empty: all); {@code allDays} rewrites them. */
    public record Selection(LocalDate from, LocalDate to, Set<String> symbols, boolean allDays) {
        public Selection {
            symbols = symbols == null ? Set.of() : Set.copyOf(symbols);
        }

        boolean includes(DayCount day) {
            return (from == null || !day.date().isBefore(from)) && (to == null || !day.date().isAfter(to))
                    && (symbols.isEmpty() || symbols.contains(day.symbol()));
        }

        boolean includes(LocalDate day, String symbol) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))
                    && (symbols.isEmpty() || symbols.contains(symbol));
        }
    }

    /** What a run did. */
    public record Result(int written, long barsWritten, int unchanged, int removed, int spikes, int coverageSpans) {
    }

    /** Told after each symbol-day, written or found unchanged. */
    public interface Progress {
        void symbolDay(LocalDate day, String symbol, int dayNumber, int dayCount, long bars, boolean written);
    }

    private final BarStore store;
    private final Path folder;

    public Lake(BarStore store, Path folder) {
        this.store = store;
        this.folder = folder.toAbsolutePath();
    }

    public static Path file(Path folder, LocalDate day, String symbol) {
        return folder.resolve("date=" + day).resolve(symbol + ".parquet");
    }

    public Result update(Selection selection, Progress progress) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("Cannot write the lake to " + folder + ": it is a file. Give --out a folder"
                    + " (new or a lake written before).");
        }
        Files.createDirectories(folder);
        Manifest manifest = Manifest.load(folder);
        TreeMap<LocalDate, TreeSet<String>> stored = new TreeMap<>();
        for (DayCount day : store.days(null)) {
            if (selection.includes(day) && day.bars() > 0) {
                stored.computeIfAbsent(day.date(), d -> new TreeSet<>()).add(day.symbol());
            }
        }
        int written = 0;
        int unchanged = 0;
        long barsWritten = 0;
        int dayNumber = 0;
        for (var entry : stored.entrySet()) {
            LocalDate day = entry.getKey();
            dayNumber++;
            for (String symbol : entry.getValue()) {
                long bars = writeIfChanged(manifest, day, symbol, selection.allDays());
                if (bars >= 0) {
                    written++;
                    barsWritten += bars;
                } else {
                    unchanged++;
                }
                if (progress != null) {
                    Manifest.Entry now = manifest.get(day, symbol);
                    progress.symbolDay(day, symbol, dayNumber, stored.size(), now == null ? 0 : now.bars(), bars >= 0);
                }
            }
            manifest.save();
        }
        int removed = removeGone(manifest, selection, stored);
        manifest.save();
        int[] small = writeSmallTables(manifest);
        return new Result(written, barsWritten, unchanged, removed, small[0], small[1]);
    }

    /** Writes a symbol-day unless the manifest has its content already; returns the bars written, or -1. */
    private long writeIfChanged(Manifest manifest, LocalDate day, String symbol, boolean always) throws IOException {
        long from = ExchangeTime.startOfDay(day);
        long to = ExchangeTime.endOfDay(day);
        List<Bar> bars = store.bars(symbol, from, to);
        SpikeCursor inSpike = new SpikeCursor(store.spikes(symbol, from - DAY_BEFORE, to));
        List<LakeTables.Row> rows = new ArrayList<>(bars.size());
        Fingerprint fingerprint = new Fingerprint();
        for (Bar bar : bars) {
            LakeTables.Row row = new LakeTables.Row(bar, inSpike.contains(bar.start()));
            rows.add(row);
            fingerprint.add(row);
        }
        Manifest.Entry entry = new Manifest.Entry(rows.size(), fingerprint.hex());
        Path target = file(folder, day, symbol);
        if (!always && entry.equals(manifest.get(day, symbol)) && Files.isRegularFile(target)) {
            return -1;
        }
        LakeTables.BARS.write(target, rows);
        manifest.put(day, symbol, entry);
        return rows.size();
    }

    /** Symbol-days of the selection the lake has but the store no longer does (e.g. a day deleted and re-imported). */
    private int removeGone(Manifest manifest, Selection selection, TreeMap<LocalDate, TreeSet<String>> stored)
            throws IOException {
        int removed = 0;
        for (LocalDate day : manifest.days()) {
            for (String symbol : manifest.symbols(day)) {
                if (selection.includes(day, symbol) && !stored.getOrDefault(day, new TreeSet<>()).contains(symbol)) {
                    Files.deleteIfExists(file(folder, day, symbol));
                    manifest.remove(day, symbol);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The spikes and coverage of every day in the lake, rewritten each run (they are small). */
    private int[] writeSmallTables(Manifest manifest) throws IOException {
        List<Spike> spikes = new ArrayList<>();
        List<LocalDate> days = manifest.days();
        for (LocalDate day : days) {
            for (String symbol : new TreeSet<>(manifest.symbols(day))) {
                spikes.addAll(store.spikes(symbol, ExchangeTime.startOfDay(day), ExchangeTime.endOfDay(day)));
            }
        }
        List<CoverageSpan> coverage = days.isEmpty() ? List.of()
                : store.coverage(ExchangeTime.startOfDay(days.get(0)), ExchangeTime.endOfDay(days.get(days.size() - 1)));
        LakeTables.SPIKES.write(folder.resolve(SPIKES_FILE), spikes);
        LakeTables.COVERAGE.write(folder.resolve(COVERAGE_FILE), coverage);
        return new int[] {spikes.size(), coverage.size()};
    }

    /** SHA-256 over every value a row writes. */
    private static final class Fingerprint {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(128);

        Fingerprint() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        void add(LakeTables.Row row) {
            Bar bar = row.bar();
            buffer.clear();
            buffer.putLong(bar.start()).putLong(bar.end()).putDouble(bar.open()).putDouble(bar.high())
                    .putDouble(bar.low()).putDouble(bar.close()).putDouble(bar.volume()).putDouble(bar.vwap())
                    .putDouble(bar.accumulatedVolume()).putDouble(bar.dayOpen()).putDouble(bar.dayVwap())
                    .putDouble(bar.averageTradeSize()).put((byte) (bar.otc() ? 1 : 0))
                    .put((byte) bar.source().ordinal()).put((byte) (row.spike() ? 1 : 0));
            digest.update(buffer.array(), 0, buffer.position());
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
