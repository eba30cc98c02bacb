package io.jenkins.plugins.nexor.client;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The write-ahead record of a bulk send: before a lead's request leaves, a {@code SENDING} line is on disk; when the
 * answer comes, a line with the outcome. One line per event, appended, in the columns of a results file
 * ({@link Csv#RESULTS_HEADER}), so a record is also a results file (in the order things happened) and any results
 * file can be read back as a record ({@link RecordedLeads}). The CLI and the Jenkins plugin write the same format.
 *
 * <p>Durability: every line is written to the operating system before the call returns (no buffering in this
 * process), so a killed process or a crashed JVM loses nothing. With {@link Sync#DISK} (the default) a
 * {@code SENDING} line is also on the disk ({@code fsync}) before the request may leave, so even a power cut cannot
 * make a lead that was sent look unattempted; outcome lines reach the disk with the next {@code SENDING} line or at
 * {@link #close()}, so a power cut can at most turn the last outcomes into "may have been sent". Concurrent workers
 * share one {@code fsync} (group commit).
 *
 * <p>Writes use a plain file stream, not an interruptible channel: a worker interrupted while writing (an aborted
 * build) does not close the record for the others. Thread-safe.
 */
public final class SendRecord implements Closeable {
    /** When a line reaches the disk. */
    public enum Sync {
        /** {@code SENDING} lines are fsynced before the request leaves (survives a power cut). */
        DISK,
        /** Lines are handed to the operating system only (survives the process being killed, not a power cut). */
        OS
    }

    private final Path file;
    private final Sync sync;
    private final RecordedLeads earlier;
    private final FileOutputStream out;
    private final Object lock = new Object();
    private long written;
    private long synced;
    private boolean syncing;
    private IOException failure;
    private boolean closed;

    private SendRecord(Path file, Sync sync, RecordedLeads earlier, FileOutputStream out) {
        this.file = file;
        this.sync = sync;
        this.earlier = earlier;
        this.out = out;
    }

    /**
     * A new record; the file must not exist (an existing record belongs to an earlier run: {@link #resume} it).
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    public static SendRecord create(Path file, Sync sync) throws IOException {
        Objects.requireNonNull(sync, "sync");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.createFile(file); // atomically fails when it exists
        SendRecord record = new SendRecord(file, sync, RecordedLeads.none(), new FileOutputStream(file.toFile(), true));
        try {
            record.append(Csv.RESULTS_HEADER);
            record.syncAll();
        } catch (IOException e) {
            record.close();
            throw e;
        }
        return record;
    }

    /**
     * The record of an earlier run, read ({@link #earlier()}) and continued: new lines are appended. A line cut
     * short by a crash (no line break at the end) is dropped first. A file that does not exist yet is created.
     *
     * @throws IllegalArgumentException when the file is not a record or results file, or is damaged
     */
    public static SendRecord resume(Path file, Sync sync) throws IOException {
        if (!Files.exists(file)) {
            return create(file, sync);
        }
        RecordedLeads earlier = RecordedLeads.read(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() > earlier.validLength()) {
                raf.setLength(earlier.validLength());
            }
        }
        SendRecord record = new SendRecord(file, sync, earlier, new FileOutputStream(file.toFile(), true));
        try {
            for (BulkEntry inFlight : earlier.inFlight()) { // settled for good: a later run must not forget it
                record.outcome(inFlight);
            }
            record.syncAll();
        } catch (IOException e) {
            record.close();
            throw e;
        }
        return record;
    }

    /** Where the record is. */
    public Path file() {
        return file;
    }

    /** What the file held when this record was opened: nothing for a new record. */
    public RecordedLeads earlier() {
        return earlier;
    }

    /** The lead's request is about to leave: on disk (per {@link Sync}) when this returns. */
    void sending(int row, String leadId, int attempt) throws IOException {
        long line = append(Csv.resultLine(new BulkEntry(row, leadId, BulkEntry.Outcome.SENDING, null, null, true,
                attempt)));
        if (sync == Sync.DISK) {
            durable(line);
        }
    }

    /** The outcome of a lead (sent, failed, skipped, not attempted). */
    void outcome(BulkEntry entry) throws IOException {
        append(Csv.resultLine(entry));
    }

    private long append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (failure != null) {
                throw new IOException("the record " + file + " could not be written earlier: " + failure.getMessage(),
                        failure);
            }
            if (closed) {
                throw new IOException("the record " + file + " is closed");
            }
            try {
                out.write(bytes); // one write(2): never torn by a killed process
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            return ++written;
        }
    }

    /** Waits until line {@code line} is on the disk; one thread syncs for all those waiting (group commit). */
    private void durable(long line) throws IOException {
        long target;
        boolean interrupted = false;
        synchronized (lock) {
            while (true) {
                if (synced >= line) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                if (failure != null) {
                    throw new IOException("the record " + file + " could not be synced: " + failure.getMessage(),
                            failure);
                }
                if (!syncing) {
                    syncing = true;
                    target = written;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the line must be on disk before the request leaves, whoever waits
                }
            }
        }
        try {
            out.getFD().sync();
            synchronized (lock) {
                synced = Math.max(synced, target);
            }
        } catch (IOException e) {
            synchronized (lock) {
                failure = e;
            }
            throw e;
        } finally {
            synchronized (lock) {
                syncing = false;
                lock.notifyAll();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void syncAll() throws IOException {
        long line;
        synchronized (lock) {
            line = written;
        }
        durable(line);
    }

    /** Puts every line on the disk and closes the file; the first error of the record's life, if any. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        IOException problem = null;
        try {
            if (failure == null) {
                syncAll();
            }
        } catch (IOException e) {
            problem = e;
        }
        synchronized (lock) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                problem = problem != null ? problem : e;
            }
            if (problem == null && failure != null) {
                problem = failure;
            }
        }
        if (problem != null) {
            throw problem;
        }
    }

    @Override
    public String toString() {
        return "SendRecord{" + file + ", sync=" + sync + "}";
    }
}
