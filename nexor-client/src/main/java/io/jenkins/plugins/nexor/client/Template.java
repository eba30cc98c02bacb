package io.jenkins.plugins.nexor.client;

/**
 * A WhatsApp template as listed by {@code GET /templates}; {@code id} is the value for {@code template_id}.
 * {@code components} is the template's definition as JSON (or null), shown to users writing parameters.
 */
public record Template(String id, String name, String language, String category, String status, String components) {}
