package io.jenkins.plugins.nexor.sandbox;

/**
 * A lead of the sandbox. {@code phone} and {@code email} may be null (such leads cannot get WhatsApp/calls or
 * e-mails); {@code inWhatsappWindow} says whether the lead wrote within the last 24 hours, which free-form WhatsApp
 * text needs.
 */
public record Lead(String id, String name, String phone, String email, boolean inWhatsappWindow) {}
