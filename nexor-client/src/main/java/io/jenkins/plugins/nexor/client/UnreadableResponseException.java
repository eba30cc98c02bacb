package io.jenkins.plugins.nexor.client;

import java.util.Locale;

/**
 * Nexor (or something in between, like a proxy) answered with a body that is not Nexor's JSON, e.g. an HTML error
 * page. The request was delivered, so the outcome is unknown. The message includes a short, key-free excerpt.
 */
public final class UnreadableResponseException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    private final String excerpt;

    public UnreadableResponseException(int status, String contentType, String excerpt) {
        super("error.unreadable", new Object[] {Integer.toString(status),
                    contentType == null ? Problem.text("error.unreadable.noType", Locale.ROOT) : contentType, excerpt},
                "error.unreadable.hint", true, status, null, null);
        this.excerpt = excerpt;
    }

    /** The beginning of the body, one line, key-free. */
    public String excerpt() {
        return excerpt;
    }
}
