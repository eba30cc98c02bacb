package io.jenkins.plugins.nexor.sandbox;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's HTTP workers, each request with a time budget for arriving. The JDK's server hands a connection to a
 * worker as soon as a request's first byte arrives, and the worker reads the headers (blocking) before it calls the
 * handler, so the budget starts with the worker's task and covers headers and body together, however slowly they
 * drip. Past the budget the handler answers 408 to a client still sending ({@link DeadlineInputStream}); a
 * read still blocked {@link #CUT_GRACE} later is cut ({@link RequestRead}), which closes the connection.
 * <p>
 * Bounds of the sandbox's own, on purpose: the JDK's {@code sun.net.httpserver.maxReqTime} and friends are system
 * properties read once per JVM, which would also change every other HTTP server of a test JVM.
 */
final class RequestWorkers implements Executor, AutoCloseable {
    /** How long after the deadline a read that is still blocked is cut. */
    static final Duration CUT_GRACE = Duration.ofMillis(500);
    /** Requests waiting for a worker; beyond, the JDK closes the new connection. */
    static final int MAX_WAITING = 1024;

    private static final ThreadLocal<RequestRead> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final long budgetNanos;

    RequestWorkers(int threads, Duration budget) {
        this(threads, MAX_WAITING, budget);
    }

    RequestWorkers(int threads, int maxWaiting, Duration budget) {
        this.budgetNanos = budget.toNanos();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(maxWaiting), r -> daemon(r, "nexor-sandbox"));
        this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "nexor-sandbox-deadlines"));
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The read of the request this thread is handling, or null outside a worker. */
    static RequestRead current() {
        return CURRENT.get();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(() -> run(task));
    }

    private void run(Runnable task) {
        RequestRead read = new RequestRead(Thread.currentThread(), System.nanoTime() + budgetNanos, timer);
        read.cutAfter(budgetNanos + CUT_GRACE.toNanos());
        CURRENT.set(read);
        try {
            task.run();
        } finally {
            CURRENT.remove();
            read.finish();
            Thread.interrupted(); // a cut that closed this request's connection must not reach the next one
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
