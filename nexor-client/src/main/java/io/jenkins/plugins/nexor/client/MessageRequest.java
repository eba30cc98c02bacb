package io.jenkins.plugins.nexor.client;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One message to send with {@code POST /messages}: immutable and valid by construction. Build it with
 * {@link #builder()}; fields that the chosen channel ignores are dropped (and reported by {@link #warnings()}).
 * Ids are sent in lower case, the channel as its wire name.
 */
public final class MessageRequest {
    private final String leadId;
    private final String workflowId;
    private final Channel channel;
    private final String content;
    private final String html;
    private final String subject;
    private final String templateId;
    private final Components components;
    private final String beginMessage;
    private final List<Problem> warnings;

    private MessageRequest(Builder b, Channel channel, Components components, List<Problem> warnings) {
        this.leadId = b.leadId.toLowerCase(Locale.ROOT);
        this.workflowId = b.workflowId.toLowerCase(Locale.ROOT);
        this.channel = channel;
        boolean whatsapp = channel == Channel.WHATSAPP;
        boolean email = channel == Channel.EMAIL;
        this.templateId = whatsapp && b.templateId != null ? b.templateId.toLowerCase(Locale.ROOT) : null;
        this.components = whatsapp && templateId != null ? components : null;
        this.content = ((email && b.html == null) || (whatsapp && templateId == null)) ? b.content : null;
        this.html = email ? b.html : null;
        this.subject = email ? b.subject : null;
        this.beginMessage = channel == Channel.CALL ? b.beginMessage : null;
        this.warnings = List.copyOf(warnings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a variant (e.g. another lead in a bulk send). */
    public Builder toBuilder() {
        return new Builder().leadId(leadId).workflowId(workflowId).channel(channel).content(content).html(html)
                .subject(subject).templateId(templateId).components(components).beginMessage(beginMessage);
    }

    public String leadId() {
        return leadId;
    }

    public String workflowId() {
        return workflowId;
    }

    public Channel channel() {
        return channel;
    }

    /** Plain text (whatsapp without template, email), or null. */
    public String content() {
        return content;
    }

    /** E-mail HTML body, or null. */
    public String html() {
        return html;
    }

    /** E-mail subject, or null (Nexor then uses its default). */
    public String subject() {
        return subject;
    }

    /** WhatsApp template id, or null. */
    public String templateId() {
        return templateId;
    }

    /** WhatsApp template parameters, or null. */
    public Components components() {
        return components;
    }

    /** Call greeting, or null (the workflow's default greeting). */
    public String beginMessage() {
        return beginMessage;
    }

    /** What the caller should know about the input (ignored fields), in field order. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** Ids and channel only: content may be personal data and stays out of logs. */
    @Override
    public String toString() {
        return "MessageRequest{channel=" + channel + ", leadId=" + leadId + ", workflowId=" + workflowId
                + (templateId == null ? "" : ", templateId=" + templateId) + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageRequest r && r.leadId.equals(leadId) && r.workflowId.equals(workflowId)
                && r.channel == channel && Objects.equals(r.content, content) && Objects.equals(r.html, html)
                && Objects.equals(r.subject, subject) && Objects.equals(r.templateId, templateId)
                && Objects.equals(r.components, components) && Objects.equals(r.beginMessage, beginMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leadId, workflowId, channel, content, html, subject, templateId, components, beginMessage);
    }

    /**
     * Collects raw input (as typed in a form, a Pipeline step or a CSV row): blank strings count as absent, ids and
     * channel are trimmed, text is kept as given. {@link #validate()} reports every problem without throwing;
     * {@link #build()} throws {@link InvalidRequestException} listing every error.
     */
    public static final class Builder {
        String leadId;
        String workflowId;
        String channel;
        String content;
        String html;
        String subject;
        String templateId;
        Object components;
        String beginMessage;

        private Builder() {}

        public Builder leadId(String leadId) {
            this.leadId = Text.trimToNull(leadId);
            return this;
        }

        public Builder workflowId(String workflowId) {
            this.workflowId = Text.trimToNull(workflowId);
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel == null ? null : channel.wireName();
            return this;
        }

        /** The channel as typed: {@code whatsapp}, {@code email} or {@code call}, in any case. */
        public Builder channel(String channel) {
            this.channel = Text.trimToNull(channel);
            return this;
        }

        public Builder content(String content) {
            this.content = Text.emptyToNull(content);
            return this;
        }

        public Builder html(String html) {
            this.html = Text.emptyToNull(html);
            return this;
        }

        public Builder subject(String subject) {
            this.subject = Text.trimToNull(subject);
            return this;
        }

        public Builder templateId(String templateId) {
            this.templateId = Text.trimToNull(templateId);
            return this;
        }

        /**
         * Template parameters: a JSON string, a list of maps (as Pipeline scripts write them) or {@link Components}.
         * Checked by {@link #validate()}.
         */
        public Builder components(Object components) {
            this.components = components instanceof String s ? Text.trimToNull(s) : components;
            return this;
        }

        public Builder beginMessage(String beginMessage) {
            this.beginMessage = Text.emptyToNull(beginMessage);
            return this;
        }

        /** An independent copy of this builder's input (e.g. one per lead in a bulk send). */
        public Builder copy() {
            Builder b = new Builder();
            b.leadId = leadId;
            b.workflowId = workflowId;
            b.channel = channel;
            b.content = content;
            b.html = html;
            b.subject = subject;
            b.templateId = templateId;
            b.components = components;
            b.beginMessage = beginMessage;
            return b;
        }

        /** Every problem of the input, errors and warnings; never throws. */
        public Validation validate() {
            return new Validation(RequestRules.check(this).problems());
        }

        /** The request, if the input has no errors. */
        public MessageRequest build() throws InvalidRequestException {
            RequestRules.Outcome outcome = RequestRules.check(this);
            Validation validation = new Validation(outcome.problems());
            if (validation.hasErrors()) {
                throw new InvalidRequestException(validation);
            }
            return new MessageRequest(this, outcome.channel(), outcome.components(), validation.warnings());
        }
    }
}
