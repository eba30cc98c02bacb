package io.jenkins.plugins.nexor.client;

/**
 * Nexor (or something in between, like a proxy) answered with a body that is not Nexor's JSON, e.g. an HTML error
 * page. The request was delivered, so the outcome is unknown. The message includes a short, key-free excerpt.
 */
public final class UnreadableResponseException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    private final String excerpt;

    public UnreadableResponseException(int status, String contentType, String excerpt) {
        super("Nexor's answer could not be read (HTTP " + status + ", "
                        + (contentType == null ? "no content type" : contentType) + ": \"" + excerpt + "\")."
                        + outcome(true) + " If a proxy sits between Jenkins and Nexor, check its configuration.",
                true, status, null, null);
        this.excerpt = excerpt;
    }

    /** The beginning of the body, one line, key-free. */
    public String excerpt() {
        return excerpt;
    }
}
