package io.jenkins.plugins.nexor.client;

/** Nexor refused the API key (401 or 403). */
public final class AuthenticationException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(int status, String error, String apiMessage) {
        super(
                "Nexor refused the API key (" + answer(status, error, apiMessage) + "). Check the credential: it must hold the key from Nexor's dashboard (profile → Integrations)." + outcome(false),
                false, status, error, apiMessage);
    }
}
