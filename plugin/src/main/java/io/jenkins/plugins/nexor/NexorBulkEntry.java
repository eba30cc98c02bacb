package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkEntry;
import java.io.Serializable;
import java.util.Locale;
import org.jenkinsci.plugins.scriptsecurity.sandbox.whitelists.Whitelisted;

/** One lead of a {@code nexorSendBulk}, readable from sandboxed scripts. */
public final class NexorBulkEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int row;
    private final String leadId;
    private final String outcome;
    private final String messageId;
    private final String providerMessageId;
    private final String activityId;
    private final String callId;
    private final String callStatus;
    private final String error;
    private final boolean mayHaveBeenSent;
    /** Absent (false) in entries kept before bulk sends could resume. */
    private final boolean earlierRun;

    NexorBulkEntry(BulkEntry e) {
        this.row = e.index() + 1;
        this.leadId = e.leadId();
        this.outcome = e.outcome().name().toLowerCase(Locale.ROOT);
        this.messageId = e.result() == null ? null : e.result().messageId();
        this.providerMessageId = e.result() == null ? null : e.result().providerMessageId();
        this.activityId = e.result() == null ? null : e.result().activityId();
        this.callId = e.result() == null ? null : e.result().callId();
        this.callStatus = e.result() == null ? null : e.result().callStatus();
        this.error = e.error();
        this.mayHaveBeenSent = e.mayHaveBeenSent();
        this.earlierRun = e.earlierRun();
    }

    /** 1-based position in the input (the data row of a CSV file). */
    @Whitelisted
    public int getRow() {
        return row;
    }

    @Whitelisted
    public String getLeadId() {
        return leadId;
    }

    /**
     * {@code sent}, {@code failed}, {@code skipped} (invalid or repeated row, never sent) or {@code not_attempted}
     * (the send stopped first). A lead that an earlier run's record shows as possibly sent is {@code failed} with
     * {@link #isMayHaveBeenSent()} and {@link #isEarlierRun()}: it was not sent again.
     */
    @Whitelisted
    public String getOutcome() {
        return outcome;
    }

    @Whitelisted
    public String getMessageId() {
        return messageId;
    }

    @Whitelisted
    public String getProviderMessageId() {
        return providerMessageId;
    }

    @Whitelisted
    public String getActivityId() {
        return activityId;
    }

    @Whitelisted
    public String getCallId() {
        return callId;
    }

    @Whitelisted
    public String getCallStatus() {
        return callStatus;
    }

    @Whitelisted
    public String getError() {
        return error;
    }

    @Whitelisted
    public boolean isMayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    /**
     * True when the outcome comes from the record of an earlier run ({@code resumeFrom}) or from before a restart of
     * this build: the lead was not sent again.
     */
    @Whitelisted
    public boolean isEarlierRun() {
        return earlierRun;
    }
}
