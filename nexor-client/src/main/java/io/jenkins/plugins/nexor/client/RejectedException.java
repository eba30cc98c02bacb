package io.jenkins.plugins.nexor.client;

/** Nexor rejected the request (a 4xx other than 401, 403 and 429, or a redirect, which is never followed). */
public final class RejectedException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public RejectedException(int status, String error, String apiMessage) {
        super("error.rejected", new Object[] {answer(status, error, apiMessage)}, null, false, status, error,
                apiMessage);
    }
}
