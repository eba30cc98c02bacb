package io.jenkins.plugins.nexor.client;

/**
 * One lead of a bulk send and what is personal to it. Null fields take the shared message's value; a non-null one
 * replaces it for this lead only (e.g. per-lead template parameters).
 *
 * @param leadId       the lead to contact
 * @param content      per-lead text, or null
 * @param html         per-lead e-mail HTML, or null
 * @param subject      per-lead e-mail subject, or null
 * @param components   per-lead template parameters (JSON text or lists/maps), or null
 * @param beginMessage per-lead call greeting, or null
 * @param line         the line of a file the lead was read from (1-based), or 0 when it did not come from a file
 */
public record Recipient(String leadId, String content, String html, String subject, Object components,
        String beginMessage, int line) {

    /** A lead with its overrides, not read from a file. */
    public Recipient(String leadId, String content, String html, String subject, Object components,
            String beginMessage) {
        this(leadId, content, html, subject, components, beginMessage, 0);
    }

    /** A lead that gets the shared message unchanged. */
    public static Recipient of(String leadId) {
        return new Recipient(leadId, null, null, null, null, null);
    }

    /** The recipient, or one without a lead (reported as invalid) for a null item. */
    static Recipient orEmpty(Recipient r) {
        return r == null ? of(null) : r;
    }

    /** The shared message with this lead and its overrides applied; not yet validated. */
    MessageRequest.Builder applyTo(MessageRequest.Builder shared) {
        MessageRequest.Builder b = shared.copy().leadId(leadId);
        if (content != null) {
            b.content(content);
        }
        if (html != null) {
            b.html(html);
        }
        if (subject != null) {
            b.subject(subject);
        }
        if (components != null) {
            b.components(components);
        }
        if (beginMessage != null) {
            b.beginMessage(beginMessage);
        }
        return b;
    }
}
