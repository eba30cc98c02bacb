package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Nexor's JSON, written and read in one place so that the client and the sandbox can never disagree: snake_case
 * names, absent fields omitted, unknown fields ignored, {@code components} passed through unchanged.
 */
public final class WireFormat {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireFormat() {}

    /** The body of {@code POST /messages}. */
    public static byte[] writeRequest(MessageRequest r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("lead_id", r.leadId());
            g.writeStringField("workflow_id", r.workflowId());
            g.writeStringField("channel", r.channel().wireName());
            optional(g, "content", r.content());
            optional(g, "html", r.html());
            optional(g, "subject", r.subject());
            optional(g, "template_id", r.templateId());
            if (r.components() != null) {
                g.writeFieldName("components");
                MAPPER.writeTree(g, r.components().node());
            }
            optional(g, "begin_message", r.beginMessage());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }

    /**
     * Reads a {@code POST /messages} body into a builder, as raw input for validation (the sandbox's side).
     *
     * @throws IllegalArgumentException when the body is not a JSON object, naming why
     */
    public static MessageRequest.Builder readRequest(byte[] body) {
        JsonNode node = readObject(body);
        MessageRequest.Builder b = MessageRequest.builder()
                .leadId(text(node, "lead_id"))
                .workflowId(text(node, "workflow_id"))
                .channel(text(node, "channel"))
                .content(text(node, "content"))
                .html(text(node, "html"))
                .subject(text(node, "subject"))
                .templateId(text(node, "template_id"))
                .beginMessage(text(node, "begin_message"));
        JsonNode components = node.get("components");
        if (components != null && !components.isNull()) {
            b.components(components.isTextual() ? components.asText() : components);
        }
        return b;
    }

    /** The body of a 200 answer to {@code POST /messages} (the sandbox's side); null ids are written as null. */
    public static byte[] writeResult(MessageResult r) {
        var node = MAPPER.createObjectNode();
        node.put("success", r.success());
        node.put("channel", r.channel());
        node.put("type", r.type());
        node.put("message_id", r.messageId());
        node.put("provider_message_id", r.providerMessageId());
        node.put("activity_id", r.activityId());
        node.put("call_id", r.callId());
        node.put("call_status", r.callStatus());
        return bytes(node);
    }

    /** Reads a 2xx answer to {@code POST /messages}. */
    static MessageResult readResult(JsonNode node) {
        return new MessageResult(node.path("success").asBoolean(false), text(node, "channel"), text(node, "type"),
                text(node, "message_id"), text(node, "provider_message_id"), text(node, "activity_id"),
                text(node, "call_id"), text(node, "call_status"));
    }

    /** Reads {@code GET /workflows}: a bare array, or an object holding it under {@code workflows} or {@code data}. */
    static List<Workflow> readWorkflows(JsonNode node) {
        return list(node, "workflows", n -> new Workflow(text(n, "id"), text(n, "name")));
    }

    /** Reads {@code GET /templates}. */
    static List<Template> readTemplates(JsonNode node) {
        return list(node, "templates", n -> {
            List<String> variables = new ArrayList<>();
            n.path("variables").forEach(v -> variables.add(v.asText()));
            return new Template(text(n, "id"), text(n, "name"), text(n, "language"), text(n, "category"),
                    text(n, "status"), n.hasNonNull("components") ? n.get("components").toString() : null, variables);
        });
    }

    /** The body of a {@code GET /workflows} answer (the sandbox's side). */
    public static byte[] writeWorkflows(List<Workflow> workflows) {
        var root = MAPPER.createObjectNode().put("success", true);
        var items = root.putArray("workflows");
        workflows.forEach(w -> items.addObject().put("id", w.id()).put("name", w.name()));
        return bytes(root);
    }

    /** The body of a {@code GET /templates} answer (the sandbox's side); components are written as JSON. */
    public static byte[] writeTemplates(List<Template> templates) {
        var root = MAPPER.createObjectNode().put("success", true);
        var items = root.putArray("templates");
        for (Template t : templates) {
            var n = items.addObject().put("id", t.id()).put("name", t.name()).put("language", t.language())
                    .put("category", t.category()).put("status", t.status());
            if (t.components() != null) {
                try {
                    n.set("components", MAPPER.readTree(t.components()));
                } catch (IOException e) {
                    n.put("components", t.components());
                }
            }
            var variables = n.putArray("variables");
            t.variables().forEach(variables::add);
        }
        return bytes(root);
    }

    /** An error body {@code {"error":…,"message":…}} (the sandbox's side). */
    public static byte[] writeError(String error, String message) {
        var node = MAPPER.createObjectNode();
        node.put("error", error);
        node.put("message", message);
        return bytes(node);
    }

    /** Any JSON tree as compact bytes (the sandbox's listings). */
    public static byte[] bytes(Object tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * What is wrong with some JSON a user gave, by position only: Jackson's own text quotes the offending token,
     * which may be a pasted key or personal data.
     */
    static String syntaxError(JsonProcessingException e) {
        return syntaxError(e.getLocation(), e.getOriginalMessage());
    }

    /**
     * One JSON value that is the whole text (blanks aside): {@code [{}] trailing} is refused, not cut short; null
     * for a blank text.
     *
     * @throws IllegalArgumentException saying where the text is wrong, never quoting it
     */
    static JsonNode readWhole(String text) {
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            com.fasterxml.jackson.core.JsonLocation end = parser.currentLocation();
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new IllegalArgumentException(syntaxError(end, "Trailing token"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(syntaxError(e));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a String is not read from anywhere
        }
    }

    private static String syntaxError(com.fasterxml.jackson.core.JsonLocation at, String original) {
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (String.valueOf(original).startsWith("Trailing token")) {
            return "not valid JSON: something follows the JSON value (after line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + "); remove it";
        }
        if (String.valueOf(original).startsWith("Unexpected end-of-input")) {
            return "not valid JSON: it ends too early" + where + " (a bracket, brace or quote is not closed)";
        }
        return "not valid JSON" + where;
    }

    static JsonNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        return node;
    }

    private static <T> List<T> list(JsonNode node, String key, Function<JsonNode, T> item) {
        JsonNode array = node.isArray() ? node : node.has(key) ? node.get(key) : node.path("data");
        List<T> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isObject()) {
                out.add(item.apply(n));
            }
        }
        return List.copyOf(out);
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** A field's text: strings as they are, numbers and booleans as their JSON text, null/absent/objects as null. */
    static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
