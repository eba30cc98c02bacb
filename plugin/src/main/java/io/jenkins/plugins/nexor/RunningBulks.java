package io.jenkins.plugins.nexor;

import hudson.Extension;
import hudson.model.listeners.ItemListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bulk sends running in this Jenkins, so that a shutdown stops them gently before Jenkins saves the Pipelines:
 * no new sends start, the sends in flight get {@link #GRACE} to finish, every lead's outcome is recorded. A Pipeline's
 * bulk send then goes on when the build resumes after the restart; a freestyle one ends (its build does not resume).
 */
final class RunningBulks {
    /** How long sends in flight may take to finish at a shutdown, before they are cancelled ("may have been sent"). */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final Logger LOGGER = Logger.getLogger(RunningBulks.class.getName());
    private static final Set<BulkRun> RUNNING = ConcurrentHashMap.newKeySet();

    private RunningBulks() {}

    static void add(BulkRun bulk) {
        RUNNING.add(bulk);
    }

    static void remove(BulkRun bulk) {
        RUNNING.remove(bulk);
    }

    /** Stops every running bulk send gently and waits until each has recorded its leads (a bounded time). */
    static void stopAll() {
        List<BulkRun> bulks = List.copyOf(RUNNING);
        bulks.forEach(b -> b.stopForShutdown(GRACE));
        long deadline = System.nanoTime() + GRACE.plusSeconds(5).toNanos();
        for (BulkRun bulk : bulks) {
            try {
                if (!bulk.awaitEnd(Math.max(0, deadline - System.nanoTime()))) {
                    LOGGER.warning(() -> "a Nexor bulk send did not stop in time: " + bulk);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOGGER.log(Level.WARNING, "interrupted while waiting for Nexor bulk sends to stop", e);
                return;
            }
        }
    }

    /** Runs before Jenkins' terminators (Pipelines are saved by one of them). */
    @Extension
    public static final class Shutdown extends ItemListener {
        @Override
        public void onBeforeShutdown() {
            stopAll();
        }
    }
}
