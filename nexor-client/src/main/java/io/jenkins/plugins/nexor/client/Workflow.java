package io.jenkins.plugins.nexor.client;

/** A Nexor workflow as listed by {@code GET /workflows}: its id (the {@code workflow_id} to send with) and name. */
public record Workflow(String id, String name) {}
