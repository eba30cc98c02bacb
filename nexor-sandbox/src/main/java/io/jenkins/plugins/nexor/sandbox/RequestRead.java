package io.jenkins.plugins.nexor.sandbox;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request being read by a worker (see {@link RequestWorkers}): its deadline, and the cut that ends the read if
 * it is not finished in time. The cut interrupts the worker: the JDK's server reads from a blocking, interruptible
 * channel, so a worker waiting for bytes gets {@link java.nio.channels.ClosedByInterruptException}, the connection
 * closes and the worker is free. Once {@link #finish() finished}, the read is never cut. Thread-safe.
 */
final class RequestRead {
    private final Thread worker;
    private final long deadline;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> cut;
    private boolean finished;
    private boolean cutOff;

    RequestRead(Thread worker, long deadlineNanos, ScheduledExecutorService timer) {
        this.worker = worker;
        this.deadline = deadlineNanos;
        this.timer = timer;
    }

    /** True once the time budget is spent: reading on is refused (408). */
    boolean expired() {
        return System.nanoTime() - deadline >= 0;
    }

    /** Cuts the read after {@code delayNanos} unless it is finished by then; replaces an earlier cut. */
    synchronized void cutAfter(long delayNanos) {
        if (finished) {
            return;
        }
        if (cut != null) {
            cut.cancel(false);
        }
        try {
            cut = timer.schedule(this::cut, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            cut = null; // the sandbox is closing: its connections are being closed anyway
        }
    }

    private synchronized void cut() {
        if (!finished) {
            cutOff = true;
            worker.interrupt();
        }
    }

    /**
     * The request is read: no cut from now on. Called by the worker; clears an interrupt that came after the last
     * read (too late to close anything), so that it cannot break the answer.
     */
    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (cut != null) {
            cut.cancel(false);
        }
        if (cutOff && Thread.currentThread() == worker) {
            Thread.interrupted();
        }
    }
}
