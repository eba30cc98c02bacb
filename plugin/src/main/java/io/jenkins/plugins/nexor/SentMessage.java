package io.jenkins.plugins.nexor;

import java.io.Serializable;

/**
 * One send, as kept in the build record and in the build's send log ({@link SendLog}) for the build page: who, through
 * what, the ids, the outcome. Never the content (personal data) nor the key.
 */
public final class SentMessage implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The send's number in the build's send log, from 1; 0 in build records written before the log existed. */
    private final int seq;

    private final long time;
    private final String channel;
    private final String leadId;
    private final String workflowId;
    private final NexorSendResult result;

    SentMessage(long time, String channel, String leadId, String workflowId, NexorSendResult result) {
        this(0, time, channel, leadId, workflowId, result);
    }

    SentMessage(int seq, long time, String channel, String leadId, String workflowId, NexorSendResult result) {
        this.seq = seq;
        this.time = time;
        this.channel = channel;
        this.leadId = leadId;
        this.workflowId = workflowId;
        this.result = result;
    }

    /** The send's number in the build's send log (0: none). */
    int seq() {
        return seq;
    }

    /** This send with a number (one that has none yet). */
    SentMessage numbered(int number) {
        return new SentMessage(number, time, channel, leadId, workflowId, result);
    }

    public long getTime() {
        return time;
    }

    /** {@link #getTime()} as a date, for the summary's date formatting. */
    public java.util.Date getDate() {
        return new java.util.Date(time);
    }

    public String getChannel() {
        return channel;
    }

    public String getLeadId() {
        return leadId;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public NexorSendResult getResult() {
        return result;
    }

    /** The ids Nexor returned, as {@code name=value} pairs, for the summary table. */
    public String getIds() {
        StringBuilder s = new StringBuilder();
        append(s, "messageId", result.getMessageId());
        append(s, "providerMessageId", result.getProviderMessageId());
        append(s, "activityId", result.getActivityId());
        append(s, "callId", result.getCallId());
        append(s, "callStatus", result.getCallStatus());
        return s.toString();
    }

    /** The same ids, one {@code name=value} per item, so that the summary keeps each one on a line of its own. */
    public java.util.List<String> getIdList() {
        return java.util.Arrays.stream(getIds().split(", "))
                .filter(id -> !id.isEmpty())
                .toList();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null) {
            s.append(s.length() == 0 ? "" : ", ").append(name).append('=').append(value);
        }
    }
}
