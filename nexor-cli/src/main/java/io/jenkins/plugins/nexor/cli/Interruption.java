package io.jenkins.plugins.nexor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP while a command runs, as a normal end: a JVM shutdown hook asks the command to
 * stop ({@link #onSignal}) and waits, bounded, until the command's thread has written everything ({@link #close});
 * the JVM then exits with 128 + the signal's number (130, 143, 129). The command's thread must not call
 * {@link System#exit} itself meanwhile (it would block for good), which {@link NexorCli#main} does not need to
 * know: its {@code System.exit} simply waits for the hook.
 *
 * <p>A second Ctrl-C or SIGTERM runs the command's "at once" action (on JVMs with {@code sun.misc.Signal}; elsewhere
 * the bound below still holds). A signal that comes before {@link #onSignal} is kept: the action runs as soon as
 * it is given.
 */
final class Interruption implements AutoCloseable {
    /** How long sends in flight may take to finish after a signal before they are cancelled. */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** How long after the grace the hook waits for the results to be written; then the JVM exits anyway. */
    static final Duration WRITE_BOUND = Duration.ofSeconds(20);

    private final PrintWriter err;
    private final Thread hook = new Thread(this::onShutdown, "nexor-interruption");
    private final CountDownLatch finished = new CountDownLatch(1);
    private Runnable stop = () -> {};
    private Runnable stopAtOnce = () -> {};
    private String ifUnfinished = "";
    private boolean signalled;

    private Interruption(PrintWriter err) {
        this.err = err;
    }

    /** Watches for signals until {@link #close}. */
    static Interruption install(PrintWriter err) {
        Interruption interruption = new Interruption(err);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /**
     * What to do on a signal: {@code stop} on the first (it must not block), {@code stopAtOnce} on a second one;
     * {@code ifUnfinished} is printed if the command still has not finished writing when the JVM exits.
     */
    synchronized void onSignal(Runnable stop, Runnable stopAtOnce, String ifUnfinished) {
        this.stop = stop;
        this.stopAtOnce = stopAtOnce;
        this.ifUnfinished = ifUnfinished;
        if (signalled) {
            stop.run();
        }
    }

    /** Whether a signal came. */
    synchronized boolean signalled() {
        return signalled;
    }

    /** The shutdown hook. */
    private void onShutdown() {
        Runnable action;
        synchronized (this) {
            if (finished.getCount() == 0) {
                return; // the command had finished: nothing to stop
            }
            signalled = true;
            action = stop;
        }
        action.run();
        Signals.onNext(() -> {
            Runnable now;
            synchronized (this) {
                now = stopAtOnce;
            }
            now.run();
        });
        try {
            if (!finished.await(GRACE.plus(WRITE_BOUND).toMillis(), TimeUnit.MILLISECONDS)) {
                String note;
                synchronized (this) {
                    note = ifUnfinished;
                }
                err.println("nexor: exiting " + GRACE.plus(WRITE_BOUND).toSeconds()
                        + " s after the signal, before every result was written." + (note.isEmpty() ? "" : " " + note));
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has written everything: the JVM may exit (if a signal came), and signals are no longer watched. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: it returns now that the latch is open
        }
    }
}
