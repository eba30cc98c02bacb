package io.jenkins.plugins.nexor.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nexor.client.Field;
import io.jenkins.plugins.nexor.client.Problem;
import io.jenkins.plugins.nexor.client.Template;
import io.jenkins.plugins.nexor.client.Workflow;
import io.jenkins.plugins.nexor.client.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leads, workflows and WhatsApp templates the sandbox knows. Seeded with well-known ids (the constants below,
 * used by docs, demos and tests) and extendable from Java or a JSON file:
 * <pre>{"leads":[{"id":"…","name":"…","phone":"+34…","email":"…","inWhatsappWindow":true}],
 *  "workflows":[{"id":"…","name":"…"}], "templates":[{"id":"…","name":"…","language":"es"}]}</pre>
 * Ids must be UUIDs (checked by nexor-client's validator, as a request naming them would be); a lead's
 * {@code inWhatsappWindow} (or {@code in_whatsapp_window}) defaults to true. Thread-safe: a running sandbox sees
 * changes at once.
 */
public final class SandboxDirectory {
    /** Ana: phone and e-mail, inside WhatsApp's 24-hour window. */
    public static final String DEMO_LEAD_ANA = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    /** Bruno: phone and e-mail, outside the 24-hour window (free-form WhatsApp text is refused; templates work). */
    public static final String DEMO_LEAD_BRUNO = "7d1e5b2a-9c4f-4e8d-a6b3-1f2e3d4c5b6a";
    /** Carla: e-mail only (no WhatsApp, no calls). */
    public static final String DEMO_LEAD_CARLA = "b4c3d2e1-f0a9-4b8c-9d7e-6f5a4b3c2d1e";
    /** Diego: phone only, inside the window (no e-mail). */
    public static final String DEMO_LEAD_DIEGO = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
    /** "Seguimiento de pedidos": the demo workflow. */
    public static final String DEMO_WORKFLOW = "5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a";
    /** "Recordatorio de citas": a second workflow. */
    public static final String DEMO_WORKFLOW_REMINDERS = "a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d";
    /** "pedido_enviado": an approved template with two body parameters (name, order). */
    public static final String DEMO_TEMPLATE = "9d5a2f3e-1c4b-4e7a-8b6c-2d1e0f9a8b7c";
    /** "promo_pendiente": a template still pending approval (not listed with status=APPROVED, refused on send). */
    public static final String DEMO_TEMPLATE_PENDING = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private final Map<String, Lead> leads = new ConcurrentHashMap<>();
    private final Map<String, Workflow> workflows = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private volatile boolean acceptAnyLead;

    /** The seeded directory. */
    public static SandboxDirectory seeded() {
        SandboxDirectory d = new SandboxDirectory();
        d.add(new Lead(DEMO_LEAD_ANA, "Ana García", "+34600111222", "ana@example.com", true));
        d.add(new Lead(DEMO_LEAD_BRUNO, "Bruno Díaz", "+5215512345678", "bruno@example.com", false));
        d.add(new Lead(DEMO_LEAD_CARLA, "Carla Méndez", null, "carla@example.com", false));
        d.add(new Lead(DEMO_LEAD_DIEGO, "Diego Ruiz", "+5491122334455", null, true));
        d.add(new Workflow(DEMO_WORKFLOW, "Seguimiento de pedidos"));
        d.add(new Workflow(DEMO_WORKFLOW_REMINDERS, "Recordatorio de citas"));
        d.add(new Template(DEMO_TEMPLATE, "pedido_enviado", "es", "UTILITY", "APPROVED",
                "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, tu pedido {{2}} salió hoy.\"}]", List.of("1", "2")));
        d.add(new Template(DEMO_TEMPLATE_PENDING, "promo_pendiente", "es", "MARKETING", "PENDING",
                "[{\"type\":\"BODY\",\"text\":\"{{1}}, tenemos una oferta para ti.\"}]", List.of("1")));
        return d;
    }

    public SandboxDirectory add(Lead lead) {
        leads.put(key(checkedId(lead.id(), Field.LEAD_ID)), lead);
        return this;
    }

    public SandboxDirectory add(Workflow workflow) {
        workflows.put(key(checkedId(workflow.id(), Field.WORKFLOW_ID)), workflow);
        return this;
    }

    public SandboxDirectory add(Template template) {
        templates.put(key(checkedId(template.id(), Field.TEMPLATE_ID)), template);
        return this;
    }

    /**
     * Puts a known lead inside or outside WhatsApp's 24-hour window (outside, free-form text is refused with 422).
     *
     * @throws IllegalArgumentException when there is no such lead
     */
    public SandboxDirectory whatsappWindow(String leadId, boolean inside) {
        Lead lead = leads.computeIfPresent(key(leadId),
                (k, l) -> new Lead(l.id(), l.name(), l.phone(), l.email(), inside));
        if (lead == null) {
            throw new IllegalArgumentException("no lead " + leadId + " in the sandbox's directory");
        }
        return this;
    }

    /**
     * Treat every well-formed lead id as a known lead with a phone and an e-mail, inside the window (for load tests
     * and bulk rehearsals with thousands of leads).
     */
    public SandboxDirectory acceptAnyLead(boolean accept) {
        this.acceptAnyLead = accept;
        return this;
    }

    public Lead lead(String id) {
        Lead lead = leads.get(key(id));
        if (lead == null && acceptAnyLead) {
            return new Lead(key(id), "Lead " + id.substring(0, Math.min(8, id.length())), "+10000000000",
                    "lead@example.com", true);
        }
        return lead;
    }

    public Workflow workflow(String id) {
        return workflows.get(key(id));
    }

    public Template template(String id) {
        return templates.get(key(id));
    }

    public List<Lead> leads() {
        return sorted(leads.values(), Lead::name);
    }

    public List<Workflow> workflows() {
        return sorted(workflows.values(), Workflow::name);
    }

    public List<Template> templates() {
        return sorted(templates.values(), Template::name);
    }

    /**
     * Adds the leads, workflows and templates of a JSON file (format in the class comment).
     *
     * @throws IOException when the file cannot be read or is not that format, naming what is wrong
     */
    public SandboxDirectory load(Path file) throws IOException {
        return load(file, SandboxJson.MAPPER);
    }

    /** As {@link #load(Path)}, with the given mapper. */
    public SandboxDirectory load(Path file, ObjectMapper json) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object with leads, workflows and templates");
        }
        try {
            for (JsonNode n : root.path("leads")) {
                JsonNode window = n.has("inWhatsappWindow") ? n.get("inWhatsappWindow") : n.path("in_whatsapp_window");
                add(new Lead(required(n, "id", file), n.path("name").asText(""), text(n, "phone"), text(n, "email"),
                        window.asBoolean(true)));
            }
            for (JsonNode n : root.path("workflows")) {
                add(new Workflow(required(n, "id", file), n.path("name").asText("")));
            }
            for (JsonNode n : root.path("templates")) {
                List<String> vars = new ArrayList<>();
                n.path("variables").forEach(v -> vars.add(v.asText()));
                add(new Template(required(n, "id", file), n.path("name").asText(""), n.path("language").asText("es"),
                        n.path("category").asText("UTILITY"), n.path("status").asText("APPROVED"),
                        n.has("components") ? n.get("components").toString() : "[]", vars));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The id, if nexor-client's validator accepts it for that field (the sandbox never re-implements the rule). */
    private static String checkedId(String id, Field field) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(field.apiName() + " is required");
        }
        List<Problem> errors = Validation.ofId(field, id).errors();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).apiMessage());
        }
        return id;
    }

    private static String required(JsonNode n, String field, Path file) throws IOException {
        String v = text(n, field);
        if (v == null) {
            throw new IOException(file + ": an entry has no \"" + field + "\": " + n);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String key(String id) {
        return id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> sorted(java.util.Collection<T> values, java.util.function.Function<T, String> by) {
        return values.stream().sorted(java.util.Comparator.comparing(by)).toList();
    }
}
