package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Paces the requests of a bulk run so that Nexor never sees more than the cap in any window, and shares a pause
 * when Nexor asks for one ({@code Retry-After}), so that one 429 slows every worker down.
 *
 * <p>Two rules: starts are spaced by {@code 1/perSecond}; and at most {@code N = max(1, floor(perSecond))}
 * requests are <em>written</em> within {@code N/perSecond} seconds plus a margin. The second rule uses the moment a
 * request is really written (reported through its {@link Ticket}), so that a request delayed before writing (a new
 * connection, a slow first call) cannot bunch up with the ones after it: what the server observes stays under the
 * cap as long as network jitter stays under the margin. Time is {@link System#nanoTime()}.
 */
final class RateGate {
    /** Allowance for jitter between our write and the server's arrival time. */
    static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long PENDING = Long.MAX_VALUE;

    private final long intervalNanos;
    private final int capacity;
    private final long windowNanos;
    private final ArrayDeque<Ticket> window = new ArrayDeque<>();
    private long nextSlot;
    private long pausedUntil;
    private boolean closed;

    /** @param perSecond requests per second; 0 or less means no cap (only pauses apply) */
    RateGate(double perSecond) {
        long now = System.nanoTime();
        this.nextSlot = now;
        this.pausedUntil = now;
        if (perSecond > 0) {
            this.intervalNanos = (long) Math.ceil(1_000_000_000d / perSecond);
            this.capacity = Math.max(1, (int) Math.floor(perSecond));
            this.windowNanos = (long) Math.ceil(capacity * 1_000_000_000d / perSecond) + MARGIN_NANOS;
        } else {
            this.intervalNanos = 0;
            this.capacity = 0;
            this.windowNanos = 0;
        }
    }

    /** One permitted request: report when it was written, and finish it in any case. */
    final class Ticket {
        private long writtenAt = PENDING;

        /** The request is being written now. */
        void written() {
            synchronized (RateGate.this) {
                if (writtenAt == PENDING) {
                    writtenAt = System.nanoTime();
                    RateGate.this.notifyAll();
                }
            }
        }

        /** The attempt is over; a request never written does not count against the cap. */
        void finish() {
            synchronized (RateGate.this) {
                if (writtenAt == PENDING) {
                    window.remove(this);
                    RateGate.this.notifyAll();
                }
            }
        }
    }

    /** Blocks until a request may start; null once the gate is {@link #close() closed} (the run stops). */
    synchronized Ticket acquire() throws InterruptedException {
        while (true) {
            if (closed) {
                return null;
            }
            long now = System.nanoTime();
            while (!window.isEmpty() && window.peekFirst().writtenAt != PENDING
                    && now - window.peekFirst().writtenAt >= windowNanos) {
                window.pollFirst();
            }
            long ready = Math.max(pausedUntil - now, nextSlot - now);
            if (capacity > 0 && window.size() >= capacity) {
                Ticket oldest = window.peekFirst();
                if (oldest.writtenAt == PENDING) {
                    wait(); // until it is written or finished
                    continue;
                }
                ready = Math.max(ready, oldest.writtenAt + windowNanos - now);
            }
            if (ready > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, ready);
                continue;
            }
            nextSlot = now + intervalNanos;
            Ticket ticket = new Ticket();
            if (capacity > 0) {
                window.addLast(ticket);
            }
            return ticket;
        }
    }

    /** No request starts any more: waiting workers return at once (a stopped run does not wait out a pause). */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Nobody starts a request before {@code delay} from now. */
    synchronized void pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
        notifyAll();
    }
}
