package io.jenkins.plugins.nexor.client;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong (or doubtful) in a request or configuration: which field, how serious, a stable code and a message
 * that says what is wrong and how to fix it, in English or Spanish. Never carries the API key.
 */
public final class Problem {
    private static final String BUNDLE = "io.jenkins.plugins.nexor.client.ValidationMessages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Field field;
    private final Severity severity;
    private final String code;
    private final List<Object> args;

    Problem(Field field, Severity severity, String code, Object... args) {
        this.field = Objects.requireNonNull(field);
        this.severity = Objects.requireNonNull(severity);
        this.code = Objects.requireNonNull(code);
        this.args = List.of(args);
    }

    public Field field() {
        return field;
    }

    public Severity severity() {
        return severity;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Stable identifier of the rule, e.g. {@code uuid.invalid}; the key of the message in the bundles. */
    public String code() {
        return code;
    }

    /** The message in English. */
    public String message() {
        return message(Locale.ROOT);
    }

    /** The message in the given locale's language where we have it (English, Spanish), else English. */
    public String message(Locale locale) {
        return text(code, locale, args.toArray());
    }

    /** A text of the validation bundles in the locale's language where we have it, else English. */
    static String text(String code, Locale locale, Object... args) {
        Locale l = locale == null ? Locale.ROOT : locale;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK);
        return new MessageFormat(bundle.getString(code), l).format(args);
    }

    /**
     * The English message in the API's own words ({@code lead_id} rather than {@code leadId}): for answers given in
     * Nexor's terms, as the sandbox gives them.
     */
    public String apiMessage() {
        String text = message();
        for (Field f : Field.values()) {
            text = text.replaceAll("\\b" + Pattern.quote(f.propertyName()) + "\\b", Matcher.quoteReplacement(f.apiName()));
        }
        return text;
    }

    @Override
    public String toString() {
        return field.propertyName() + ": " + message();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && p.field == field && p.severity == severity && p.code.equals(code)
                && p.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, severity, code, args);
    }
}
