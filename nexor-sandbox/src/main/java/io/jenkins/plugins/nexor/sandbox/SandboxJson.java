package io.jenkins.plugins.nexor.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nexor.client.MessageResult;
import java.util.List;
import java.util.Map;

/** The JSON of the sandbox's listings (Nexor's shapes for the API, plain lists for inspection). */
final class SandboxJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode lead(Lead lead) {
        return object().put("id", lead.id()).put("name", lead.name()).put("phone", lead.phone())
                .put("email", lead.email()).put("in_whatsapp_window", lead.inWhatsappWindow());
    }

    static ObjectNode message(SentMessage m) {
        MessageResult r = m.result();
        return object().put("time", m.time().toString()).put("lead_id", m.leadId()).put("workflow_id", m.workflowId())
                .put("channel", m.channel()).put("type", r.type()).put("content", m.content())
                .put("subject", m.subject()).put("template_id", m.templateId()).put("begin_message", m.beginMessage())
                .put("message_id", r.messageId()).put("provider_message_id", r.providerMessageId())
                .put("activity_id", r.activityId()).put("call_id", r.callId()).put("call_status", r.callStatus())
                .put("status", m.channel().equals("call") ? r.callStatus() : "delivered");
    }

    static ArrayNode requests(List<RecordedRequest> requests) {
        ArrayNode items = array();
        for (RecordedRequest r : requests) {
            ObjectNode headers = object();
            r.headers().forEach(headers::put);
            ObjectNode n = object().put("time", r.time().toString()).put("method", r.method()).put("path", r.path())
                    .put("query", r.query()).put("body", r.body()).put("status", r.status());
            n.set("headers", headers);
            items.add(n);
        }
        return items;
    }

    static ObjectNode messages(List<SentMessage> messages, Map<String, Integer> counts) {
        ArrayNode items = array();
        messages.forEach(m -> items.add(message(m)));
        ObjectNode perLead = object();
        counts.forEach(perLead::put);
        ObjectNode root = object();
        root.set("messages", items);
        root.set("sent_per_lead", perLead);
        return root;
    }
}
