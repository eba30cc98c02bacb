package io.jenkins.plugins.nexor.client;

import java.util.Locale;

/** The request broke the API's rules; found before anything was sent. Lists every error. */
public final class InvalidRequestException extends NexorException {
    private static final long serialVersionUID = 1L;

    private final transient Validation validation;

    public InvalidRequestException(Validation validation) {
        super(describe(validation, Locale.ROOT), false, null);
        this.validation = validation;
    }

    /** Every problem found (errors and warnings). */
    public Validation validation() {
        return validation;
    }

    /** The same message as {@link #getMessage()}, in the given locale's language where available. */
    public String getMessage(Locale locale) {
        return describe(validation, locale);
    }

    private static String describe(Validation validation, Locale locale) {
        return Problem.text("request.notSent", locale, validation.errors().size())
                + "\n" + validation.describe(validation.errors(), locale);
    }
}
