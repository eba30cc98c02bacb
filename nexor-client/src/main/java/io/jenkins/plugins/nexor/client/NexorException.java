package io.jenkins.plugins.nexor.client;

import java.util.Locale;

/**
 * Any failure to send through Nexor. Subclasses say what happened; {@link #mayHaveBeenSent()} says whether the
 * message may have reached the lead anyway, in which case it must not be sent again blindly (a duplicate WhatsApp,
 * e-mail or call reaches a real person). Messages never contain the API key.
 */
public abstract class NexorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveBeenSent;
    /** The message's key in the client's bundles and its arguments (key-free strings and numbers); null: fixed text. */
    private final String code;
    private final Object[] args;
    private final String hint;

    /** A message from the bundles: the text of {@code code}, the outcome sentence, then the text of {@code hint}. */
    protected NexorException(String code, Object[] args, String hint, boolean mayHaveBeenSent, Throwable cause) {
        super(text(code, args, hint, mayHaveBeenSent, Locale.ROOT), cause);
        this.mayHaveBeenSent = mayHaveBeenSent;
        this.code = code;
        this.args = args.clone();
        this.hint = hint;
    }

    /** A message composed by the subclass, which then also answers {@link #getMessage(Locale)}. */
    protected NexorException(String message, boolean mayHaveBeenSent, Throwable cause) {
        super(message, cause);
        this.mayHaveBeenSent = mayHaveBeenSent;
        this.code = null;
        this.args = new Object[0];
        this.hint = null;
    }

    /** The message in the locale's language where the client has it (English, Spanish); {@link #getMessage()} is English. */
    public String getMessage(Locale locale) {
        return code == null ? getMessage() : text(code, args, hint, mayHaveBeenSent, locale);
    }

    private static String text(String code, Object[] args, String hint, boolean mayHaveBeenSent, Locale locale) {
        String text = Problem.text(code, locale, args) + " "
                + Problem.text(mayHaveBeenSent ? "outcome.mayHaveBeenSent" : "outcome.nothingSent", locale);
        return hint == null ? text : text + " " + Problem.text(hint, locale);
    }

    /** True when the outcome is unknown: the request reached Nexor (or may have) and no clear answer came back. */
    public boolean mayHaveBeenSent() {
        return mayHaveBeenSent;
    }

}
