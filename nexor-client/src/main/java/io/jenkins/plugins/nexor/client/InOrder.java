package io.jenkins.plugins.nexor.client;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands a bulk send's entries to the caller in input order, one at a time, while workers finish them in any order.
 * A worker that gets too far ahead of the oldest unfinished lead waits ({@link #awaitRoom}), so the entries held
 * here stay few whatever the number of leads.
 */
final class InOrder {
    private final int window;
    private final int total;
    private final BulkSend.Progress progress;
    private final Map<Integer, BulkEntry> pending = new HashMap<>();
    private final int[] counts = new int[BulkEntry.Outcome.values().length];
    private int earlier;
    private int mayHaveBeenSent;
    private int next;

    InOrder(int window, int total, BulkSend.Progress progress) {
        this.window = window;
        this.total = total;
        this.progress = progress;
    }

    /** Waits until the entry of this row may be held without exceeding the window. */
    synchronized void awaitRoom(int row) throws InterruptedException {
        while (row >= next + window) {
            wait();
        }
    }

    /** Takes one entry; hands over every entry that is now next in order. */
    synchronized void put(BulkEntry entry) {
        pending.put(entry.index(), entry);
        for (BulkEntry ready = pending.remove(next); ready != null; ready = pending.remove(next)) {
            next++;
            counts[ready.outcome().ordinal()]++;
            earlier += ready.earlierRun() ? 1 : 0;
            mayHaveBeenSent += ready.outcome() != BulkEntry.Outcome.SENT && ready.mayHaveBeenSent() ? 1 : 0;
            progress.onEntry(ready, next, total);
        }
        notifyAll();
    }

    /** Entries handed over so far. */
    synchronized int done() {
        return next;
    }

    synchronized BulkTotals totals(boolean cancelled, boolean stoppedOnAuthentication, String recordProblem) {
        return new BulkTotals(total, counts[BulkEntry.Outcome.SENT.ordinal()],
                counts[BulkEntry.Outcome.FAILED.ordinal()], counts[BulkEntry.Outcome.SKIPPED.ordinal()],
                counts[BulkEntry.Outcome.NOT_ATTEMPTED.ordinal()], cancelled, stoppedOnAuthentication, earlier,
                mayHaveBeenSent, recordProblem);
    }
}
