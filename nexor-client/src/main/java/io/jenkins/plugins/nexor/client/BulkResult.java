package io.jenkins.plugins.nexor.client;

import java.util.List;

/** Every lead of a bulk send, in input order, with counts per outcome. */
public record BulkResult(List<BulkEntry> entries, boolean cancelled, boolean stoppedOnAuthentication) {

    public BulkResult {
        entries = List.copyOf(entries);
    }

    public long count(BulkEntry.Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    public long sent() {
        return count(BulkEntry.Outcome.SENT);
    }

    /** True when every lead was sent. */
    public boolean allSent() {
        return sent() == entries.size();
    }

    @Override
    public String toString() {
        return "BulkResult{leads=" + entries.size() + ", sent=" + sent() + ", failed=" + count(BulkEntry.Outcome.FAILED)
                + ", skipped=" + count(BulkEntry.Outcome.SKIPPED) + ", notAttempted="
                + count(BulkEntry.Outcome.NOT_ATTEMPTED) + (cancelled ? ", cancelled" : "")
                + (stoppedOnAuthentication ? ", stopped: authentication failed" : "") + "}";
    }
}
