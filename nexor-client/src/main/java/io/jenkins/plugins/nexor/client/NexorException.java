package io.jenkins.plugins.nexor.client;

/**
 * Any failure to send through Nexor. Subclasses say what happened; {@link #mayHaveBeenSent()} says whether the
 * message may have reached the lead anyway, in which case it must not be sent again blindly (a duplicate WhatsApp,
 * e-mail or call reaches a real person). Messages never contain the API key.
 */
public abstract class NexorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveBeenSent;

    protected NexorException(String message, boolean mayHaveBeenSent, Throwable cause) {
        super(message, cause);
        this.mayHaveBeenSent = mayHaveBeenSent;
    }

    /** True when the outcome is unknown: the request reached Nexor (or may have) and no clear answer came back. */
    public boolean mayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    static String outcome(boolean mayHaveBeenSent) {
        return mayHaveBeenSent
                ? " The message may have been sent: check the lead's history in Nexor before sending it again."
                : " Nothing was sent.";
    }
}
