package io.jenkins.plugins.nexor.client;

import java.util.List;

/**
 * A WhatsApp template as listed by {@code GET /templates}; {@code id} is the value for {@code template_id}.
 * {@code components} is the template's definition as JSON (or null), {@code variables} its parameter names (e.g.
 * {@code 1}, {@code 2}), shown to users writing parameters.
 */
public record Template(String id, String name, String language, String category, String status, String components,
        List<String> variables) {

    public Template {
        variables = variables == null ? List.of() : List.copyOf(variables);
    }
}
