package io.jenkins.plugins.nexor.client;

/**
 * The outcome of one lead in a bulk send.
 *
 * @param index           position in the input (0-based); rows in files are {@code index + 1} after any header
 * @param leadId          the lead, as given
 * @param outcome         sent, failed, skipped (invalid or duplicate, never sent) or not attempted (stopped early)
 * @param result          Nexor's answer when sent, else null
 * @param error           why it was not sent, else null; key-free
 * @param mayHaveBeenSent for a failure: the message may have reached the lead anyway (do not resend blindly)
 * @param attempts        how many requests were made for this lead (more than one only after 429s or failed
 *                        connections, when nothing was delivered)
 */
public record BulkEntry(int index, String leadId, Outcome outcome, MessageResult result, String error,
        boolean mayHaveBeenSent, int attempts) {

    /** What happened to one lead. */
    public enum Outcome {
        SENT,
        FAILED,
        SKIPPED,
        NOT_ATTEMPTED
    }
}
