package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkEntry;
import java.io.PrintStream;

/**
 * The console's progress lines of a bulk send: done, sent and not sent, at every tenth of the leads and at least every
 * {@value #PROGRESS_SECONDS} seconds.
 */
final class BulkProgress {
    /** A progress line at least this often, however slow the run (a low maxPerSecond, 429 pauses). */
    static final int PROGRESS_SECONDS = 30;

    private final PrintStream log;
    private final int total;
    private final int tenth;
    private int sent;
    private long lastLine = System.nanoTime();

    BulkProgress(PrintStream log, int total) {
        this.log = log;
        this.total = total;
        this.tenth = Math.max(1, total / 10);
    }

    /** Called in input order, one lead at a time. */
    void count(BulkEntry entry, int done) {
        if (entry.outcome() == BulkEntry.Outcome.SENT) {
            sent++;
        }
        long now = System.nanoTime();
        if (done % tenth == 0 || done == total || now - lastLine >= PROGRESS_SECONDS * 1_000_000_000L) {
            log.println(Messages.Bulk_progress(done, total, sent, done - sent));
            lastLine = now;
        }
    }
}
