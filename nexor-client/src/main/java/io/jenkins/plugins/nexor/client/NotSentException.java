package io.jenkins.plugins.nexor.client;

/** Nexor answered 200 with {@code success: false}: it did not send the message. */
public final class NotSentException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public NotSentException(int status, String error, String apiMessage) {
        super(
                "Nexor did not send the message (" + answer(status, error, apiMessage) + ", success: false)." + outcome(false),
                false, status, error, apiMessage);
    }
}
