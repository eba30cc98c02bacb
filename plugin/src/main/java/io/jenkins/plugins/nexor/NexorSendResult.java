package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.MessageResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jenkinsci.plugins.scriptsecurity.sandbox.whitelists.Whitelisted;

/**
 * What {@code nexorSend} returns to a Pipeline script, readable from sandboxed scripts:
 * {@code def r = nexorSend(...); echo r.messageId}. Never null: after a failure that the failure policy lets pass
 * ({@code unstable}, {@code continue}) it says {@code success: false} and carries the error text.
 */
public final class NexorSendResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean success;
    private final String channel;
    private final String type;
    private final String messageId;
    private final String providerMessageId;
    private final String activityId;
    private final String callId;
    private final String callStatus;
    /** An ArrayList, not List.of(): the result is kept in build.xml, and XStream cannot read JDK immutable lists. */
    private final ArrayList<String> warnings;

    private final String error;
    private final boolean mayHaveBeenSent;

    private NexorSendResult(
            boolean success,
            String channel,
            MessageResult r,
            List<String> warnings,
            String error,
            boolean mayHaveBeenSent) {
        this.success = success;
        this.channel = channel;
        this.type = r == null ? null : r.type();
        this.messageId = r == null ? null : r.messageId();
        this.providerMessageId = r == null ? null : r.providerMessageId();
        this.activityId = r == null ? null : r.activityId();
        this.callId = r == null ? null : r.callId();
        this.callStatus = r == null ? null : r.callStatus();
        this.warnings = new ArrayList<>(warnings);
        this.error = error;
        this.mayHaveBeenSent = mayHaveBeenSent;
    }

    static NexorSendResult sent(String requestedChannel, MessageResult r, List<String> warnings) {
        return new NexorSendResult(true, r.channel() != null ? r.channel() : requestedChannel, r, warnings, null, true);
    }

    static NexorSendResult failed(String channel, List<String> warnings, String error, boolean mayHaveBeenSent) {
        return new NexorSendResult(false, channel, null, warnings, error, mayHaveBeenSent);
    }

    /** Whether Nexor sent the message. */
    @Whitelisted
    public boolean isSuccess() {
        return success;
    }

    /** {@code whatsapp}, {@code email} or {@code call}. */
    @Whitelisted
    public String getChannel() {
        return channel;
    }

    /** WhatsApp only: {@code text} or {@code template}. */
    @Whitelisted
    public String getType() {
        return type;
    }

    /** Nexor's message id. */
    @Whitelisted
    public String getMessageId() {
        return messageId;
    }

    /** WhatsApp only: Meta's {@code wamid…}. */
    @Whitelisted
    public String getProviderMessageId() {
        return providerMessageId;
    }

    /** E-mail only: the delivery tracking id. */
    @Whitelisted
    public String getActivityId() {
        return activityId;
    }

    /** Call only: the call id. */
    @Whitelisted
    public String getCallId() {
        return callId;
    }

    /** Call only: the initial status, e.g. {@code registered}. */
    @Whitelisted
    public String getCallStatus() {
        return callStatus;
    }

    /** Fields that were ignored for the channel, and similar remarks (empty when none). */
    @Whitelisted
    public List<String> getWarnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Why the send failed, or null after success. */
    @Whitelisted
    public String getError() {
        return error;
    }

    /** After a failure: whether the message may have reached the lead anyway (do not resend blindly). */
    @Whitelisted
    public boolean isMayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    @Whitelisted
    @Override
    public String toString() {
        return success
                ? "NexorSendResult{success=true, channel=" + channel + ", type=" + type + ", messageId=" + messageId
                        + ", providerMessageId=" + providerMessageId + ", activityId=" + activityId + ", callId="
                        + callId + ", callStatus=" + callStatus + "}"
                : "NexorSendResult{success=false, channel=" + channel + ", error=" + error + "}";
    }
}
