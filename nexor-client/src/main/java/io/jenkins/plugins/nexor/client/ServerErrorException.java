package io.jenkins.plugins.nexor.client;

/** Nexor failed with a 5xx status. The outcome is unknown, so it is never retried. */
public final class ServerErrorException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(int status, String error, String apiMessage) {
        super("error.serverError", new Object[] {answer(status, error, apiMessage)}, null, true, status, error,
                apiMessage);
    }
}
