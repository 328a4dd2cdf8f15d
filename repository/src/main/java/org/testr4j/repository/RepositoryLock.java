package org.testr4j.repository;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The repository's write lock: a file lock for other processes plus an in-process lock for other
 * threads, because a JVM cannot take the same file lock twice and closing any channel on a file
 * drops every lock the process holds on it (POSIX). For the same reason the run files being
 * written in this process are remembered here, so checking whether a writer is alive never opens
 * (and closes) a channel on a file another thread holds locked.
 */
final class RepositoryLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock lock;

    private RepositoryLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
        this.threads = threads;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock on {@code file} (created if missing). */
    static RepositoryLock acquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threads.lock();
        try {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new RepositoryLock(threads, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            threads.unlock();
            throw new IOException("cannot lock " + key + ": " + FileRepository.reason(e), e);
        } catch (RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    /** Marks {@code part} as being written by this process. */
    static void writing(Path part) {
        WRITING.add(part.toAbsolutePath().normalize());
    }

    static void doneWriting(Path part) {
        WRITING.remove(part.toAbsolutePath().normalize());
    }

    /** Is some process (this one included) still writing {@code part}? Its writer holds a lock on it. */
    static boolean isBeingWritten(Path part) {
        Path key = part.toAbsolutePath().normalize();
        if (WRITING.contains(key)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // gone or unreadable: nobody is writing it through a lock we can see
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            threads.unlock();
        }
    }
}
