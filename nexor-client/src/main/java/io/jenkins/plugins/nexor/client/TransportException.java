package io.jenkins.plugins.nexor.client;

import java.io.IOException;

/**
 * The connection failed: Nexor could not be reached, or the connection broke or timed out. When it failed before
 * the request was written, nothing was sent (and the client may have retried); after, the outcome is unknown.
 */
public class TransportException extends NexorException {
    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final boolean retryable;

    /**
     * @param code a key of the client's messages ({@code error.transport.*}, {@code error.cancelled.*})
     * @param args its arguments, already free of the API key
     */
    public TransportException(String code, Object[] args, boolean mayHaveBeenSent, int attempts, IOException cause) {
        this(code, args, mayHaveBeenSent, attempts, cause, !mayHaveBeenSent);
    }

    /** @param retryable whether trying again may help (never when the message may have been sent) */
    TransportException(String code, Object[] args, boolean mayHaveBeenSent, int attempts, IOException cause,
            boolean retryable) {
        super(code, args, null, mayHaveBeenSent, cause);
        this.attempts = attempts;
        this.retryable = retryable && !mayHaveBeenSent;
    }

    /** How many times the request was tried. */
    public int attempts() {
        return attempts;
    }

    /**
     * True when nothing was sent and trying again may help (a refused or timed-out connection); false when the
     * message may have been sent, and for failures that repeat, like a TLS handshake with a server that does not
     * speak TLS.
     */
    public boolean retryable() {
        return retryable;
    }
}
