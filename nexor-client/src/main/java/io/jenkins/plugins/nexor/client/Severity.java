package io.jenkins.plugins.nexor.client;

/** How serious a {@link Problem} is. */
public enum Severity {
    /** The request cannot be sent as it is. */
    ERROR,
    /** The request can be sent, but something in it is probably not what the user meant (e.g. ignored fields). */
    WARNING
}
