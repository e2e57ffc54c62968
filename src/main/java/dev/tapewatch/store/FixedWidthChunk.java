package dev.tapewatch.store;

import dev.tapewatch.market.Bar;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The minute chunks of versions 4 to 6: fixed-width 87-byte records in start order. Version 4 writes them and
 * version 7 reads them to move them to {@link MinuteChunk}'s encoding; nothing else uses them.
 */
final class FixedWidthChunk {
    static final long MINUTE = 60_000;
    /** offset in the minute (char), duration (int), flags (byte), ten doubles. */
    static final int RECORD = 2 + 4 + 1 + 10 * 8;
    private static final Bar.Source[] SOURCES = Bar.Source.values();

    private FixedWidthChunk() {
    }

    static long minuteOf(long time) {
        return Math.floorDiv(time, MINUTE) * MINUTE;
    }

    static int count(byte[] chunk) {
        return chunk.length / RECORD;
    }

    /**
     * The chunk with {@code updates} (bars of this symbol-minute, in arrival order) merged in: a bar whose start
     * is already there replaces it, the last of several with one start wins.
     */
    static byte[] merge(byte[] existing, long minute, List<Bar> updates) {
        Bar[] sorted = updates.toArray(Bar[]::new);
        // stable: among equal starts the later arrival stays later, and is the one kept below
        java.util.Arrays.sort(sorted, java.util.Comparator.comparingLong(Bar::start));
        int existingCount = existing == null ? 0 : count(existing);
        ByteBuffer out = ByteBuffer.allocate((existingCount + sorted.length) * RECORD);
        int e = 0;
        int u = 0;
        while (e < existingCount || u < sorted.length) {
            if (u + 1 < sorted.length && sorted[u + 1].start() == sorted[u].start()) {
                u++; // superseded within this batch
                continue;
            }
            long existingStart = e < existingCount ? minute + offsetAt(existing, e) : Long.MAX_VALUE;
            long updateStart = u < sorted.length ? sorted[u].start() : Long.MAX_VALUE;
            if (existingStart < updateStart) {
                out.put(existing, e * RECORD, RECORD);
                e++;
            } else {
                if (existingStart == updateStart) {
                    e++; // replaced
                }
                write(out, minute, sorted[u]);
                u++;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    private static int offsetAt(byte[] chunk, int index) {
        int at = index * RECORD;
        return ((chunk[at] & 0xff) << 8) | (chunk[at + 1] & 0xff);
    }

    private static void write(ByteBuffer out, long minute, Bar bar) {
        out.putChar((char) (bar.start() - minute));
        out.putInt(Math.toIntExact(bar.end() - bar.start()));
        out.put((byte) ((bar.otc() ? 1 : 0) | bar.source().ordinal() << 1));
        out.putDouble(bar.open());
        out.putDouble(bar.high());
        out.putDouble(bar.low());
        out.putDouble(bar.close());
        out.putDouble(bar.volume());
        out.putDouble(bar.vwap());
        out.putDouble(bar.accumulatedVolume());
        out.putDouble(bar.dayOpen());
        out.putDouble(bar.dayVwap());
        out.putDouble(bar.averageTradeSize());
    }

    /** Passes the bars with start in [from, to) to {@code consumer}, in time order. */
    static void read(String symbol, long minute, byte[] chunk, long from, long to, Consumer<Bar> consumer) {
        ByteBuffer in = ByteBuffer.wrap(chunk);
        for (int i = 0, n = count(chunk); i < n; i++) {
            long start = minute + offsetAt(chunk, i);
            if (start >= from && start < to) {
                consumer.accept(readAt(in, symbol, start, i));
            }
        }
    }

    /** Bar {@code index} of the chunk. */
    static Bar readAt(ByteBuffer in, String symbol, long start, int index) {
        int at = index * RECORD + 2;
        long end = start + in.getInt(at);
        int flags = in.get(at + 4);
        int d = at + 5;
        return new Bar(symbol, start, end, in.getDouble(d), in.getDouble(d + 8), in.getDouble(d + 16),
                in.getDouble(d + 24), in.getDouble(d + 32), in.getDouble(d + 40), in.getDouble(d + 48),
                in.getDouble(d + 56), in.getDouble(d + 64), in.getDouble(d + 72), (flags & 1) != 0,
                SOURCES[flags >> 1]);
    }
}
