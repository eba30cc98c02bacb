package io.jenkins.plugins.nexor.client;

import java.io.IOException;

/**
 * The connection failed: Nexor could not be reached, or the connection broke or timed out. When it failed before
 * the request was written, nothing was sent (and the client may have retried); after, the outcome is unknown.
 */
public class TransportException extends NexorException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public TransportException(String message, boolean mayHaveBeenSent, int attempts, IOException cause) {
        super(message + outcome(mayHaveBeenSent), mayHaveBeenSent, cause);
        this.attempts = attempts;
    }

    /** How many times the request was tried. */
    public int attempts() {
        return attempts;
    }
}
