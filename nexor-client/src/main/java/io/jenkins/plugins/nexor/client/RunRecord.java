package io.jenkins.plugins.nexor.client;

import java.io.IOException;

/**
 * A {@link BulkSend}'s use of its {@link SendRecord} (or of none): what an earlier run already did for a lead, the
 * line written before each request, each outcome; and the first write that failed, after which the run sends
 * nothing more.
 */
final class RunRecord {
    private final SendRecord record;
    private final boolean resendUncertain;
    private final Runnable onFailure;
    private volatile String problem;

    /** @param onFailure run once when a line cannot be written (the run closes its gate) */
    RunRecord(SendRecord record, boolean resendUncertain, Runnable onFailure) {
        this.record = record;
        this.resendUncertain = resendUncertain;
        this.onFailure = onFailure;
    }

    /** Why the record could not be written, or null. */
    String problem() {
        return problem;
    }

    /** The entry of a lead that an earlier run's record shows as sent (or possibly sent), or null: send it. */
    BulkEntry earlier(int row, String lead) {
        if (record == null) {
            return null;
        }
        RecordedLeads.State state = record.earlier().state(lead);
        if (state == null || state == RecordedLeads.State.NOT_SENT
                || (state == RecordedLeads.State.UNCERTAIN && resendUncertain)) {
            return null;
        }
        try {
            return record.earlier().entry(lead, row);
        } catch (IOException e) { // it is in the record, so it is not sent again
            boolean sent = state == RecordedLeads.State.SENT;
            return new BulkEntry(row, lead, sent ? BulkEntry.Outcome.SENT : BulkEntry.Outcome.FAILED, null,
                    "recorded by an earlier run (its line could not be read again: " + e.getMessage() + ")", !sent, 0,
                    true);
        }
    }

    /** The "about to send" line; false (and the run stops) when it cannot be written. */
    boolean sending(int row, String lead, int attempt) {
        if (record == null) {
            return true;
        }
        if (problem != null) {
            return false;
        }
        try {
            record.sending(row, lead, attempt);
            return true;
        } catch (IOException e) {
            failed(e);
            return false;
        }
    }

    /** A lead's outcome in this run (entries taken from the earlier run are already on record). */
    void outcome(BulkEntry entry) {
        if (record == null || entry.earlierRun() || problem != null) {
            return;
        }
        try {
            record.outcome(entry);
        } catch (IOException e) {
            failed(e);
        }
    }

    private synchronized void failed(IOException e) {
        if (problem == null) {
            problem = record.file() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString());
            onFailure.run(); // nothing more is sent; requests already in flight finish and are reported
        }
    }
}
