package io.jenkins.plugins.nexor.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of {@code POST /messages}, applied to raw input before any byte is sent. Every problem is reported, in
 * field order. The same rules serve the client, the Jenkins forms, bulk sending and the sandbox.
 */
final class RequestRules {
    /** Meta's limit for a WhatsApp text message body. */
    static final int WHATSAPP_TEXT_LIMIT = 4096;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestRules() {}

    /** The outcome: the problems and, for a request without errors, the fields to send (others are null). */
    record Outcome(List<Problem> problems, Channel channel, Components components) {}

    static Outcome check(MessageRequest.Builder in) {
        List<Problem> out = new ArrayList<>();
        uuid(Field.LEAD_ID, in.leadId, "lead.required", out);
        uuid(Field.WORKFLOW_ID, in.workflowId, "workflow.required", out);

        Channel channel = null;
        if (in.channel == null) {
            out.add(error(Field.CHANNEL, "channel.required"));
        } else {
            channel = Channel.parse(in.channel).orElse(null);
            if (channel == null) {
                out.add(error(Field.CHANNEL, "channel.unknown", Text.excerpt(in.channel)));
            }
        }

        Components components = null;
        if (in.components != null) {
            try {
                components = Components.of(in.components);
            } catch (IllegalArgumentException e) {
                out.add(error(Field.COMPONENTS, "components.invalid", e.getMessage()));
            }
        }
        if (in.templateId != null && !UUID.matcher(in.templateId).matches()) {
            out.add(error(Field.TEMPLATE_ID, "uuid.invalid", Field.TEMPLATE_ID.propertyName(),
                    Text.excerpt(in.templateId)));
        }
        if (in.subject != null && (in.subject.indexOf('\n') >= 0 || in.subject.indexOf('\r') >= 0)) {
            out.add(error(Field.SUBJECT, "subject.multiline"));
        }
        controlCharacters(Field.CONTENT, in.content, out);
        controlCharacters(Field.HTML, in.html, out);
        controlCharacters(Field.SUBJECT, in.subject, out);
        controlCharacters(Field.BEGIN_MESSAGE, in.beginMessage, out);
        if (channel != null) {
            channelRules(channel, in, out);
        }
        out.sort(java.util.Comparator.comparing(Problem::field));
        return new Outcome(out, channel, components);
    }

    private static void channelRules(Channel channel, MessageRequest.Builder in, List<Problem> out) {
        switch (channel) {
            case WHATSAPP -> {
                if (in.content == null && in.templateId == null) {
                    out.add(error(Field.CONTENT, "whatsapp.body.required"));
                }
                if (in.templateId == null && in.components != null) {
                    out.add(error(Field.COMPONENTS, "components.withoutTemplate"));
                }
                if (in.templateId != null && in.content != null) {
                    out.add(warning(Field.CONTENT, "content.ignoredWithTemplate"));
                } else if (in.content != null) {
                    int length = in.content.codePointCount(0, in.content.length());
                    if (length > WHATSAPP_TEXT_LIMIT) {
                        out.add(error(Field.CONTENT, "whatsapp.content.tooLong", length, WHATSAPP_TEXT_LIMIT));
                    }
                }
            }
            case EMAIL -> {
                if (in.content == null && in.html == null) {
                    out.add(error(Field.CONTENT, "email.body.required"));
                } else if (in.content != null && in.html != null) {
                    out.add(warning(Field.CONTENT, "content.ignoredWithHtml"));
                }
            }
            case CALL -> {
                // a call needs nothing more: the workflow's voice agent speaks
            }
        }
        ignoredUnless(channel, Channel.EMAIL, Field.HTML, in.html, out);
        ignoredUnless(channel, Channel.EMAIL, Field.SUBJECT, in.subject, out);
        ignoredUnless(channel, Channel.WHATSAPP, Field.TEMPLATE_ID, in.templateId, out);
        ignoredUnless(channel, Channel.WHATSAPP, Field.COMPONENTS, in.components, out);
        ignoredUnless(channel, Channel.CALL, Field.BEGIN_MESSAGE, in.beginMessage, out);
        if (channel == Channel.CALL && in.content != null) {
            out.add(warning(Field.CONTENT, "field.ignoredForChannel", Field.CONTENT.propertyName(),
                    "whatsapp, email", channel.wireName()));
        }
    }

    /**
     * Text for a person must not hold control characters (NUL, ESC, …): they cannot be shown, and some end a string
     * early on the way. Tabs and line breaks are text.
     */
    private static void controlCharacters(Field field, String value, List<Problem> out) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                out.add(error(field, "text.control", field.propertyName(), String.format("U+%04X", (int) c), i + 1));
                return;
            }
        }
    }

    private static void ignoredUnless(Channel channel, Channel owner, Field field, Object value, List<Problem> out) {
        if (value != null && channel != owner) {
            out.add(warning(field, "field.ignoredForChannel", field.propertyName(), owner.wireName(),
                    channel.wireName()));
        }
    }

    private static void uuid(Field field, String value, String requiredCode, List<Problem> out) {
        if (value == null) {
            out.add(error(field, requiredCode));
        } else if (!UUID.matcher(value).matches()) {
            out.add(error(field, "uuid.invalid", field.propertyName(), Text.excerpt(value)));
        }
    }

    /** One id field on its own: present and a UUID. */
    static void id(Field field, String value, List<Problem> out) {
        String id = Text.trimToNull(value);
        if (id == null && field == Field.TEMPLATE_ID) {
            out.add(error(field, "id.required", field.propertyName()));
        } else {
            uuid(field, id, field == Field.LEAD_ID ? "lead.required" : "workflow.required", out);
        }
    }

    private static Problem error(Field field, String code, Object... args) {
        return new Problem(field, Severity.ERROR, code, args);
    }

    private static Problem warning(Field field, String code, Object... args) {
        return new Problem(field, Severity.WARNING, code, args);
    }
}
