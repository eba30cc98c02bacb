package io.jenkins.plugins.nexor.client;

import java.io.IOException;

/**
 * The connection failed: Nexor could not be reached, or the connection broke or timed out. When it failed before
 * the request was written, nothing was sent (and the client may have retried); after, the outcome is unknown.
 */
public class TransportException extends NexorException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * @param code a key of the client's messages ({@code error.transport.*}, {@code error.cancelled.*})
     * @param args its arguments, already free of the API key
     */
    public TransportException(String code, Object[] args, boolean mayHaveBeenSent, int attempts, IOException cause) {
        super(code, args, null, mayHaveBeenSent, cause);
        this.attempts = attempts;
    }

    /** How many times the request was tried. */
    public int attempts() {
        return attempts;
    }
}
