package io.jenkins.plugins.nexor.client;

/** The send was cancelled (e.g. a Jenkins build was aborted) before Nexor's answer arrived. */
public final class SendCancelledException extends TransportException {
    private static final long serialVersionUID = 1L;

    public SendCancelledException(boolean mayHaveBeenSent, int attempts) {
        super(mayHaveBeenSent ? "error.cancelled.waiting" : "error.cancelled.before", new Object[0], mayHaveBeenSent,
                attempts, null, false);
    }
}
