package io.jenkins.plugins.nexor;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One {@code nexorSendBulk} in the build record: counts and the leads that were not sent (at most 100). */
public final class BulkSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_LISTED = 100;

    private final long time;
    private final String channel;
    private final int total;
    private final int sent;
    private final ArrayList<NexorBulkEntry> notSent = new ArrayList<>();
    private final int notSentCount;

    BulkSummary(long time, String channel, NexorBulkResult result) {
        this.time = time;
        this.channel = channel;
        this.total = result.getTotal();
        this.sent = result.getSent();
        result.getEntries().stream()
                .filter(e -> !e.getOutcome().equals("sent"))
                .limit(MAX_LISTED)
                .forEach(notSent::add);
        this.notSentCount = total - sent;
    }

    public java.util.Date getDate() {
        return new java.util.Date(time);
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
}
