package io.jenkins.plugins.nexor.client;

/**
 * How a bulk send ended, without the per-lead entries (those went to the caller's {@link BulkSend.Progress}).
 *
 * @param total                   leads in the input
 * @param sent                    leads Nexor accepted
 * @param failed                  leads tried and not sent (see each entry's {@code mayHaveBeenSent})
 * @param skipped                 invalid rows and repeated leads, never sent
 * @param notAttempted            leads not tried because the run stopped
 * @param cancelled               the run was cancelled or its thread interrupted
 * @param stoppedOnAuthentication the run stopped because Nexor refused the API key
 */
public record BulkTotals(int total, int sent, int failed, int skipped, int notAttempted, boolean cancelled,
        boolean stoppedOnAuthentication) {

    /** True when every lead was sent. */
    public boolean allSent() {
        return sent == total;
    }

    @Override
    public String toString() {
        return "leads=" + total + ", sent=" + sent + ", failed=" + failed + ", skipped=" + skipped + ", notAttempted="
                + notAttempted + (cancelled ? ", cancelled" : "")
                + (stoppedOnAuthentication ? ", stopped: authentication failed" : "");
    }
}
