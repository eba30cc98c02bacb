package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkTotals;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jenkinsci.plugins.scriptsecurity.sandbox.whitelists.Whitelisted;

/** What {@code nexorSendBulk} returns: counts and one entry per lead, in input order. */
public final class NexorBulkResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<NexorBulkEntry> entries;
    private final int total;
    private final int sent;
    private final int failed;
    private final int skipped;
    private final int notAttempted;
    private final int mayHaveBeenSent;
    private final int fromEarlierRun;

    NexorBulkResult(BulkTotals totals, List<NexorBulkEntry> entries) {
        this.entries = new ArrayList<>(entries);
        this.total = totals.total();
        this.sent = totals.sent();
        this.failed = totals.failed();
        this.skipped = totals.skipped();
        this.notAttempted = totals.notAttempted();
        this.mayHaveBeenSent = totals.mayHaveBeenSent();
        this.fromEarlierRun = totals.fromEarlierRun();
    }

    @Whitelisted
    public int getTotal() {
        return total;
    }

    @Whitelisted
    public int getSent() {
        return sent;
    }

    @Whitelisted
    public int getFailed() {
        return failed;
    }

    @Whitelisted
    public int getSkipped() {
        return skipped;
    }

    @Whitelisted
    public int getNotAttempted() {
        return notAttempted;
    }

    /** Failed leads that may have reached the lead anyway: check their history before sending them again. */
    @Whitelisted
    public int getMayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    /**
     * Leads whose outcome (sent, or may have been sent) comes from an earlier run's record or from before a restart:
     * they were not sent again.
     */
    @Whitelisted
    public int getFromEarlierRun() {
        return fromEarlierRun;
    }

    /** True when every lead was sent. */
    @Whitelisted
    public boolean isSuccess() {
        return sent == total;
    }

    @Whitelisted
    public List<NexorBulkEntry> getEntries() {
        return Collections.unmodifiableList(entries);
    }

    @Whitelisted
    @Override
    public String toString() {
        return "NexorBulkResult{total=" + total + ", sent=" + sent + ", failed=" + failed + ", skipped=" + skipped
                + ", notAttempted=" + notAttempted + (mayHaveBeenSent > 0 ? ", mayHaveBeenSent=" + mayHaveBeenSent : "")
                + (fromEarlierRun > 0 ? ", fromEarlierRun=" + fromEarlierRun : "") + "}";
    }
}
