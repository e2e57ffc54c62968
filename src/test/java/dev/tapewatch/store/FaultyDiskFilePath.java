package dev.tapewatch.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system with faults to turn on: {@code jdbc:h2:faultydisk:/path/db}. While {@link #setFull} is on,
 * every write fails as a full disk does ("No space left on device"); while {@link #setSyncFailing} is on, writes
 * succeed but every fsync fails, as a disk reporting an I/O error does. Reads keep working.
 */
public final class FaultyDiskFilePath extends FilePathWrapper {
    private static volatile boolean full;
    private static volatile boolean syncFailing;
    private static final AtomicLong SYNCS = new AtomicLong();

    static {
        FilePath.register(new FaultyDiskFilePath());
    }

    /** Registers the scheme (once per JVM) and returns the JDBC URL of a database at {@code path}. */
    public static String url(java.nio.file.Path path) {
        return "jdbc:h2:faultydisk:" + path.toAbsolutePath();
    }

    public static void setFull(boolean value) {
        full = value;
    }

    public static void setSyncFailing(boolean value) {
        syncFailing = value;
    }

    /** How many fsyncs have succeeded in this JVM. */
    public static long syncs() {
        return SYNCS.get();
    }

    @Override
    public String getScheme() {
        return "faultydisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new FaultyDiskChannel(getBase().open(mode));
    }

    @Override
    public boolean createFile() {
        return !full && super.createFile();
    }

    private static final class FaultyDiskChannel extends FileBase {
        private final FileChannel base;

        FaultyDiskChannel(FileChannel base) {
            this.base = base;
        }

        private static void checkSpace() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkSpace();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            checkSpace();
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            checkSpace();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkSpace();
            if (syncFailing) {
                throw new IOException("Input/output error");
            }
            base.force(metaData);
            SYNCS.incrementAndGet();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
