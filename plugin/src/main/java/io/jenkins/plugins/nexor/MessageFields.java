package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.MessageRequest;
import java.io.Serializable;
import java.util.function.UnaryOperator;

/**
 * The fields of one send, shared by {@link NexorSendStep} and {@link NexorSendBuilder}: every field of Nexor's
 * {@code POST /messages} plus the credentials id and the failure policy. Blank values are stored as null. The
 * step and the builder only forward their data-bound setters here; the mapping to the client's request is
 * written once, in {@link #toRequest(UnaryOperator)}.
 */
public final class MessageFields implements Serializable {
    private static final long serialVersionUID = 1L;

    private String credentialsId;
    private String leadId;
    private String workflowId;
    private String channel;
    private String content;
    private String html;
    private String subject;
    private String templateId;
    /** A JSON string (forms) or a list of maps (Pipeline scripts). */
    private Object components;

    private String beginMessage;
    private FailurePolicy onFailure;

    /** The client's request builder (not yet validated), each text passed through {@code expand} first. */
    MessageRequest.Builder toRequest(UnaryOperator<String> expand) {
        return MessageRequest.builder()
                .leadId(expand.apply(leadId))
                .workflowId(expand.apply(workflowId))
                .channel(expand.apply(channel))
                .content(expand.apply(content))
                .html(expand.apply(html))
                .subject(expand.apply(subject))
                .templateId(expand.apply(templateId))
                .components(components instanceof String s ? expand.apply(s) : components)
                .beginMessage(expand.apply(beginMessage));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    public String getLeadId() {
        return leadId;
    }

    public void setLeadId(String leadId) {
        this.leadId = blankToNull(leadId);
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = blankToNull(workflowId);
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = blankToNull(channel);
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = blankToNull(content);
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = blankToNull(html);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = blankToNull(subject);
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = blankToNull(templateId);
    }

    public Object getComponents() {
        return components;
    }

    /** A JSON string, or (from Pipeline) a list of maps; a GString becomes a String. */
    public void setComponents(Object components) {
        if (components instanceof CharSequence text) {
            this.components = blankToNull(text.toString());
        } else {
            this.components = components;
        }
    }

    public String getBeginMessage() {
        return beginMessage;
    }

    public void setBeginMessage(String beginMessage) {
        this.beginMessage = blankToNull(beginMessage);
    }

    public FailurePolicy getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(FailurePolicy onFailure) {
        this.onFailure = onFailure;
    }
}
