package io.jenkins.plugins.nexor.client;

/** Nexor answered 200 with {@code success: false}: it did not send the message. */
public final class NotSentException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public NotSentException(int status, String error, String apiMessage) {
        super("error.notSent", new Object[] {answer(status, error, apiMessage)}, null, false, status, error,
                apiMessage);
    }
}
