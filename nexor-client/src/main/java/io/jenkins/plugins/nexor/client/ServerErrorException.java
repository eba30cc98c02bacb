package io.jenkins.plugins.nexor.client;

/** Nexor failed with a 5xx status. The outcome is unknown, so it is never retried. */
public final class ServerErrorException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(int status, String error, String apiMessage) {
        super(
                "Nexor failed while handling the message (" + answer(status, error, apiMessage) + ")." + outcome(true),
                true, status, error, apiMessage);
    }
}
