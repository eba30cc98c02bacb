package io.jenkins.plugins.nexor.client;

/** Nexor refused the API key (401 or 403). */
public final class AuthenticationException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(int status, String error, String apiMessage) {
        super("error.authentication", new Object[] {answer(status, error, apiMessage)}, null, false, status, error,
                apiMessage);
    }
}
