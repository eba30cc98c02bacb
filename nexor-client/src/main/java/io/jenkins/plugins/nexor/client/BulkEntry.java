package io.jenkins.plugins.nexor.client;

/**
 * The outcome of one lead in a bulk send.
 *
 * @param index           position in the input (0-based); rows in files are {@code index + 1} after any header
 * @param leadId          the lead, as given
 * @param outcome         sent, failed, skipped (invalid or duplicate, never sent) or not attempted (stopped early);
 *                        {@link Outcome#SENDING} only in a send record, for a request in flight
 * @param result          Nexor's answer when sent, else null
 * @param error           why it was not sent, else null; key-free
 * @param mayHaveBeenSent for a failure: the message may have reached the lead anyway (do not resend blindly)
 * @param attempts        how many requests were made for this lead (more than one only after 429s or failed
 *                        connections, when nothing was delivered)
 * @param earlierRun      the outcome comes from an earlier run's record (a resumed run did not send it again)
 */
public record BulkEntry(int index, String leadId, Outcome outcome, MessageResult result, String error,
        boolean mayHaveBeenSent, int attempts, boolean earlierRun) {

    /** An outcome of this run. */
    public BulkEntry(int index, String leadId, Outcome outcome, MessageResult result, String error,
            boolean mayHaveBeenSent, int attempts) {
        this(index, leadId, outcome, result, error, mayHaveBeenSent, attempts, false);
    }

    /** What happened to one lead. */
    public enum Outcome {
        SENT,
        FAILED,
        SKIPPED,
        NOT_ATTEMPTED,
        /** In a send record only: the request is leaving; without a later outcome it may have been sent. */
        SENDING
    }
}
