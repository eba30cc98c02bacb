package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jenkinsci.plugins.scriptsecurity.sandbox.whitelists.Whitelisted;

/** What {@code nexorSendBulk} returns: counts and one entry per lead, in input order. */
public final class NexorBulkResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<NexorBulkEntry> entries = new ArrayList<>();
    private final int sent;
    private final int failed;
    private final int skipped;
    private final int notAttempted;

    NexorBulkResult(BulkResult result) {
        result.entries().forEach(e -> entries.add(new NexorBulkEntry(e)));
        this.sent = (int) result.count(BulkEntry.Outcome.SENT);
        this.failed = (int) result.count(BulkEntry.Outcome.FAILED);
        this.skipped = (int) result.count(BulkEntry.Outcome.SKIPPED);
        this.notAttempted = (int) result.count(BulkEntry.Outcome.NOT_ATTEMPTED);
    }

    @Whitelisted
    public int getTotal() {
        return entries.size();
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

    /** True when every lead was sent. */
    @Whitelisted
    public boolean isSuccess() {
        return sent == entries.size();
    }

    @Whitelisted
    public List<NexorBulkEntry> getEntries() {
        return Collections.unmodifiableList(entries);
    }

    @Whitelisted
    @Override
    public String toString() {
        return "NexorBulkResult{total=" + entries.size() + ", sent=" + sent + ", failed=" + failed + ", skipped="
                + skipped + ", notAttempted=" + notAttempted + "}";
    }
}
