package io.jenkins.plugins.nexor.client;

import java.time.Duration;

/**
 * How a bulk send ended, without the per-lead entries (those went to the caller's {@link BulkSend.Progress}).
 *
 * @param total                   leads in the input
 * @param sent                    leads Nexor accepted (in this run or, when resumed, in an earlier one)
 * @param failed                  leads tried and not sent (see each entry's {@code mayHaveBeenSent})
 * @param skipped                 invalid rows and repeated leads, never sent
 * @param notAttempted            leads not tried because the run stopped
 * @param cancelled               the run was stopped, cancelled or its thread interrupted
 * @param stoppedOnAuthentication the run stopped because Nexor refused the API key
 * @param fromEarlierRun          leads whose outcome (sent, or may have been sent) came from an earlier run's record
 * @param mayHaveBeenSent         failed leads that may have reached the lead anyway (in flight, or recorded so)
 * @param recordProblem           why the send record could not be written (the run stopped at once), or null
 * @param resumeAfter             the run stopped because Nexor asked to wait this long before more requests
 *                                ({@code Retry-After}), longer than a run waits
 *                                ({@link NexorClient.Builder#maxRetryAfter}); the leads not sent can be sent after
 *                                that. Null when it did not stop so
 */
public record BulkTotals(int total, int sent, int failed, int skipped, int notAttempted, boolean cancelled,
        boolean stoppedOnAuthentication, int fromEarlierRun, int mayHaveBeenSent, String recordProblem,
        Duration resumeAfter) {

    /** Totals of a run that did not stop on a rate limit. */
    public BulkTotals(int total, int sent, int failed, int skipped, int notAttempted, boolean cancelled,
            boolean stoppedOnAuthentication, int fromEarlierRun, int mayHaveBeenSent, String recordProblem) {
        this(total, sent, failed, skipped, notAttempted, cancelled, stoppedOnAuthentication, fromEarlierRun,
                mayHaveBeenSent, recordProblem, null);
    }

    /** Totals of a run without a record. */
    public BulkTotals(int total, int sent, int failed, int skipped, int notAttempted, boolean cancelled,
            boolean stoppedOnAuthentication) {
        this(total, sent, failed, skipped, notAttempted, cancelled, stoppedOnAuthentication, 0, 0, null, null);
    }

    /** True when the run stopped because Nexor asked to wait longer than a run waits: see {@link #resumeAfter()}. */
    public boolean stoppedOnRateLimit() {
        return resumeAfter != null;
    }

    /**
     * How long Nexor asked to wait, as people say it ("45 s", "2 min 5 s", "1 h 30 min", as the per-lead texts say
     * it); null unless {@link #stoppedOnRateLimit()}.
     */
    public String resumeAfterText() {
        return resumeAfter == null ? null : BulkStop.human(resumeAfter);
    }

    /** True when every lead was sent. */
    public boolean allSent() {
        return sent == total;
    }

    /** Leads that certainly did not reach anyone (failed without being delivered, skipped or not attempted). */
    public int surelyNotSent() {
        return total - sent - mayHaveBeenSent;
    }

    @Override
    public String toString() {
        return "leads=" + total + ", sent=" + sent + ", failed=" + failed + ", skipped=" + skipped + ", notAttempted="
                + notAttempted + (mayHaveBeenSent > 0 ? ", mayHaveBeenSent=" + mayHaveBeenSent : "")
                + (fromEarlierRun > 0 ? ", fromEarlierRun=" + fromEarlierRun : "") + (cancelled ? ", cancelled" : "")
                + (stoppedOnAuthentication ? ", stopped: authentication failed" : "")
                + (resumeAfter != null ? ", stopped: rate limited, resume after " + BulkStop.human(resumeAfter) : "")
                + (recordProblem != null ? ", record failed: " + recordProblem : "");
    }
}
