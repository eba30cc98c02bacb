package io.jenkins.plugins.nexor.client;

/** Nexor answered, but not with a sent message: carries the HTTP status and Nexor's {@code error}/{@code message}. */
public abstract class NexorApiException extends NexorException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String apiMessage;

    protected NexorApiException(String code, Object[] args, String hint, boolean mayHaveBeenSent, int status,
            String error, String apiMessage) {
        super(code, args, hint, mayHaveBeenSent, null);
        this.status = status;
        this.error = error;
        this.apiMessage = apiMessage;
    }

    /** HTTP status code of Nexor's answer. */
    public int status() {
        return status;
    }

    /** Nexor's short {@code error} text, or null when the body had none. */
    public String error() {
        return error;
    }

    /** Nexor's longer {@code message} text, or null when the body had none. */
    public String apiMessage() {
        return apiMessage;
    }

    /** "HTTP 401 Invalid API key: The provided API key is not valid", as much as is known. */
    static String answer(int status, String error, String apiMessage) {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        if (error != null) {
            s.append(' ').append(error);
        }
        if (apiMessage != null) {
            s.append(error != null ? ": " : " ").append(apiMessage);
        }
        return s.toString();
    }
}
