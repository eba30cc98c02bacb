package io.jenkins.plugins.nexor.sandbox;

import io.jenkins.plugins.nexor.client.MessageResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The page at {@code /}: the messages sent, newest first, for people who would rather look than read JSON. */
final class PageHandler {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int EXCERPT = 80;

    private PageHandler() {}

    static String render(NexorSandbox sandbox) {
        List<SentMessage> messages = sandbox.messages();
        StringBuilder rows = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            SentMessage m = messages.get(i);
            MessageResult r = m.result();
            rows.append("<tr class=\"message\" data-channel=\"").append(esc(m.channel())).append("\">")
                    .append("<td>").append(TIME.format(m.time())).append("</td>")
                    .append("<td class=\"channel\">").append(esc(m.channel()))
                    .append(r.type() == null ? "" : " (" + esc(r.type()) + ")").append("</td>")
                    .append("<td class=\"lead\">").append(esc(m.leadName())).append("<br><code>").append(esc(m.leadId()))
                    .append("</code></td>")
                    .append("<td class=\"content\">").append(esc(excerpt(summary(m)))).append("</td>")
                    .append("<td class=\"ids\"><code>").append(esc(ids(r))).append("</code></td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Nexor sandbox</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}
                h1{font-size:1.4rem} p{color:#555} code{font-size:.8rem;color:#444}
                table{border-collapse:collapse;width:100%%} th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
                th{background:#f3f4f7} .empty{color:#888;font-style:italic}
                </style></head><body>
                <h1>Nexor sandbox</h1>
                <p>A local Nexor for rehearsals: nothing leaves this machine. API base URL: <code>%s</code>.
                %d message(s) sent; JSON at <a href="/sandbox/messages">/sandbox/messages</a> and
                <a href="/sandbox/requests">/sandbox/requests</a>.</p>
                <table><thead><tr><th>Time (UTC)</th><th>Channel</th><th>Lead</th><th>Content</th><th>Ids</th></tr></thead>
                <tbody>
                %s</tbody></table></body></html>
                """.formatted(esc(sandbox.baseUrl()), messages.size(),
                messages.isEmpty() ? "<tr><td class=\"empty\" colspan=\"5\">No messages yet.</td></tr>\n" : rows);
    }

    private static String summary(SentMessage m) {
        if (m.templateId() != null) {
            return "template " + m.templateId() + (m.components() == null ? "" : " " + m.components());
        }
        if (m.content() != null) {
            return (m.subject() == null ? "" : "[" + m.subject() + "] ") + m.content();
        }
        return m.beginMessage() == null ? "" : m.beginMessage();
    }

    private static String ids(MessageResult r) {
        StringBuilder s = new StringBuilder("message_id=").append(r.messageId());
        if (r.providerMessageId() != null) {
            s.append(" provider_message_id=").append(r.providerMessageId());
        }
        if (r.activityId() != null) {
            s.append(" activity_id=").append(r.activityId());
        }
        if (r.callId() != null) {
            s.append(" call_id=").append(r.callId()).append(" call_status=").append(r.callStatus());
        }
        return s.toString();
    }

    private static String excerpt(String s) {
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "…";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
