package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkTotals;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * One bulk send in the build record: counts, the first leads that were not sent (at most 100), the name of the
 * archived per-lead results ({@link BulkReport} pages through them) and of its send record in the build directory.
 * Small whatever the number of leads. Immutable: a bulk send is added when it starts ({@link #running}, naming its
 * record, so that after any crash the build record points at it) and replaced when it ends.
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
    /** The archived results ({@code nexor-bulk-N.csv}), or null when they were not archived. */
    private final String artifact;
    /** The Pipeline step execution running it (to resume it after a restart); null for freestyle, older records. */
    private final String id;
    /** Started and not ended: running, or Jenkins stopped during it; absent (false) in older records, which ended. */
    private final boolean running;
    /** The send record's file name in the build directory; null in older records (they have none). */
    private final String record;
    /** Why it ended before every lead had its outcome (the record then tells), or null. */
    private final String problem;
    /** What it started from: {@code resumeFrom} as given ({@code #12}, a file), or null. */
    private final String resumedFrom;

    private final int mayHaveBeenSent;
    private final int fromEarlierRun;

    private BulkSummary(
            BulkSummary started,
            boolean running,
            BulkTotals totals,
            List<NexorBulkEntry> notSent,
            String artifact,
            String problem) {
        this.number = started.number;
        this.time = running ? started.time : System.currentTimeMillis();
        this.channel = started.channel;
        this.total = totals == null ? started.total : totals.total();
        this.sent = totals == null ? 0 : totals.sent();
        this.notSentCount = totals == null ? 0 : totals.total() - totals.sent();
        this.notSent = new ArrayList<>(notSent);
        this.artifact = artifact;
        this.id = started.id;
        this.running = running;
        this.record = started.record;
        this.problem = problem;
        this.resumedFrom = started.resumedFrom;
        this.mayHaveBeenSent = totals == null ? 0 : totals.mayHaveBeenSent();
        this.fromEarlierRun = totals == null ? 0 : totals.fromEarlierRun();
    }

    private BulkSummary(int number, String id, String channel, int total, String record, String resumedFrom) {
        this.number = number;
        this.time = System.currentTimeMillis();
        this.channel = channel;
        this.total = total;
        this.sent = 0;
        this.notSentCount = 0;
        this.notSent = new ArrayList<>();
        this.artifact = null;
        this.id = id;
        this.running = true;
        this.record = record;
        this.problem = null;
        this.resumedFrom = resumedFrom;
        this.mayHaveBeenSent = 0;
        this.fromEarlierRun = 0;
    }

    /** A bulk send that is starting: nothing sent yet, its record named. */
    static BulkSummary running(int number, String id, String channel, int total, String record, String resumedFrom) {
        return new BulkSummary(number, id, channel, total, record, resumedFrom);
    }

    /** This bulk send ended before every lead had an outcome (the record says what each lead got). */
    BulkSummary unfinished(String why) {
        return new BulkSummary(this, false, null, List.of(), artifact, why);
    }

    /** Collects the listed leads of a bulk send that started as {@code started}, while it runs. */
    static Builder builder(BulkSummary started) {
        return new Builder(started);
    }

    /** Collects the listed leads while the send runs. */
    static final class Builder {
        private final BulkSummary started;
        private final ArrayList<NexorBulkEntry> notSent = new ArrayList<>();

        private Builder(BulkSummary started) {
            this.started = started;
        }

        void add(NexorBulkEntry entry) {
            if (!entry.getOutcome().equals("sent") && notSent.size() < MAX_LISTED) {
                notSent.add(entry);
            }
        }

        /** Every lead has its outcome. */
        BulkSummary build(BulkTotals totals, String artifact) {
            return new BulkSummary(started, false, totals, notSent, artifact, null);
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
        return notSent == null ? List.of() : Collections.unmodifiableList(notSent);
    }

    /** The archived per-lead results, relative to the build's artifacts; null when none were archived. */
    public String getArtifact() {
        return artifact;
    }

    String getId() {
        return id;
    }

    /**
     * True from its start until it ends; still true after the build ended only if Jenkins stopped during it and it was
     * not resumed (freestyle builds, or a Pipeline that could not resume).
     */
    public boolean isRunning() {
        return running;
    }

    /** The send record's file name in the build directory, or null (bulk sends recorded before records existed). */
    public String getRecord() {
        return record;
    }

    /** Why the bulk send ended before every lead had an outcome, or null. */
    public String getProblem() {
        return problem;
    }

    /** True when each lead's outcome must be read from the record: it did not finish (or has not yet). */
    public boolean isUnfinished() {
        return record != null && (running || problem != null);
    }

    public String getResumedFrom() {
        return resumedFrom;
    }

    /** Leads not sent that may have reached the lead anyway (do not resend blindly). */
    public int getMayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    /** Leads whose outcome came from the earlier run it resumed (not sent again). */
    public int getFromEarlierRun() {
        return fromEarlierRun;
    }
}
