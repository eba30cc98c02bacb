package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkTotals;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * One bulk send in the build record: counts, the first leads that were not sent (at most 100), and the name of the
 * archived per-lead results ({@link BulkReport} pages through them). Small whatever the number of leads.
 */
public final class BulkSummary implements Serializable {
    private static final long serialVersionUID = 2L;
    static final int MAX_LISTED = 100;

    private final int number;
    private final long time;
    private final String channel;
    private final int total;
    private final int sent;
    private final int notSentCount;
    private final ArrayList<NexorBulkEntry> notSent;
    /** The archived results ({@code nexor-bulk-N.csv}), or null when the send ran without a workspace. */
    private final String artifact;

    private BulkSummary(Builder b, BulkTotals totals, String artifact) {
        this.number = b.number;
        this.time = System.currentTimeMillis();
        this.channel = b.channel;
        this.total = totals.total();
        this.sent = totals.sent();
        this.notSentCount = totals.total() - totals.sent();
        this.notSent = b.notSent;
        this.artifact = artifact;
    }

    static Builder builder(int number, String channel) {
        return new Builder(number, channel);
    }

    /** Collects the listed leads while the send runs. */
    static final class Builder {
        private final int number;
        private final String channel;
        private final ArrayList<NexorBulkEntry> notSent = new ArrayList<>();

        private Builder(int number, String channel) {
            this.number = number;
            this.channel = channel;
        }

        void add(NexorBulkEntry entry) {
            if (!entry.getOutcome().equals("sent") && notSent.size() < MAX_LISTED) {
                notSent.add(entry);
            }
        }

        BulkSummary build(BulkTotals totals, String artifact) {
            return new BulkSummary(this, totals, artifact);
        }
    }

    /** 1 for the build's first bulk send, and so on: the page is {@code nexor/bulk/<number>/}. */
    public int getNumber() {
        return number;
    }

    public Date getDate() {
        return new Date(time);
    }

    public String getChannel() {
        return channel;
    }

    public int getTotal() {
        return total;
    }

    public int getSent() {
        return sent;
    }

    public int getNotSentCount() {
        return notSentCount;
    }

    /** The first leads that were not sent, with the reason. */
    public List<NexorBulkEntry> getNotSent() {
        return Collections.unmodifiableList(notSent);
    }

    /** The archived per-lead results, relative to the build's artifacts; null when none were archived. */
    public String getArtifact() {
        return artifact;
    }
}
