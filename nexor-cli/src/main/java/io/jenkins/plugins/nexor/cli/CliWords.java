package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.Field;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's texts in the command line's words, in one place. The client's messages name the fields as Java,
 * Jenkins forms and Pipeline steps do ({@code templateId}) and give Jenkins advice ("check the credential"); the CLI
 * names its options ({@code --template}), the columns of a leads file ({@code template_id}) and its own ways to fix
 * things (NEXOR_API_KEY, --base-url). Text the client quotes (user input, between double quotes) is left alone.
 */
final class CliWords {
    private CliWords() {}

    /** A field's name outside quotes, as a word of its own (not inside {@code content-type} or {@code --content}). */
    private static final Pattern NAMES = Pattern.compile("\"[^\"]*\"|(?<![\\w-])(leadId|workflowId|channel|content|"
            + "html|subject|templateId|components|beginMessage)(?![\\w-])");

    /** The option a field is given with, e.g. {@code --lead}. */
    static String option(Field f) {
        return switch (f) {
            case LEAD_ID -> "--lead";
            case WORKFLOW_ID -> "--workflow";
            case TEMPLATE_ID -> "--template";
            case BEGIN_MESSAGE -> "--begin-message";
            case API_KEY -> "NEXOR_API_KEY";
            case BASE_URL -> "--base-url";
            default -> "--" + f.propertyName();
        };
    }

    /** A problem of the options: {@code templateId must be a UUID} → {@code --template must be a UUID}. */
    static String forOptions(String message) {
        return rename(message, true);
    }

    /**
     * A lead's text in a bulk run: what a leads file gives by its column's name ({@code leadId} →
     * {@code lead_id}, {@code beginMessage} → {@code begin_message}), the rest by its option ({@code templateId} →
     * {@code --template}).
     */
    static String forRows(String message) {
        return forFailure(rename(message, false));
    }

    /** A failure of Nexor or of the connection: the client's Jenkins advice replaced by the command line's. */
    static String forFailure(String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String[] swap : SWAPS) {
            if (swap[0] != null) {
                out = out.replace(swap[0], swap[1]);
            }
        }
        return out;
    }

    private static String rename(String message, boolean options) {
        if (message == null) {
            return null;
        }
        Matcher m = NAMES.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = name == null ? m.group() : options || !inLeadsFiles(field(name))
                    ? option(field(name)) : field(name).apiName();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The fields a leads file has columns for: {@code lead_id} and the per-lead ones. */
    private static boolean inLeadsFiles(Field f) {
        return switch (f) {
            case LEAD_ID, CONTENT, HTML, SUBJECT, COMPONENTS, BEGIN_MESSAGE -> true;
            default -> false;
        };
    }

    private static Field field(String propertyName) {
        for (Field f : Field.values()) {
            if (f.propertyName().equals(propertyName)) {
                return f;
            }
        }
        throw new IllegalArgumentException(propertyName);
    }

    /** What the command line says instead of the client's advice for Jenkins. */
    static final String UNREADABLE_HINT = "Check that --base-url (or NEXOR_BASE_URL) is Nexor's API, e.g. "
            + "https://api.getnexor.ai/api/public, and, if a proxy sits between this machine and Nexor, its "
            + "configuration.";
    static final String KEY_REFUSED_HINT = "Check NEXOR_API_KEY or --api-key-file: it must hold the key from Nexor's"
            + " dashboard (profile → Integrations).";

    /** {client's words, CLI's words}; the client's are read from its bundle (null when it no longer has them). */
    private static final String[][] SWAPS = {
            {clientText("error.unreadable.hint", null), UNREADABLE_HINT},
            {clientText("error.authentication", "). "), KEY_REFUSED_HINT},
    };

    /**
     * A text of the client's English bundle; with {@code after}, only what follows it in the pattern (the fixed
     * advice after the arguments). Null when the bundle or the key is gone: nothing is then replaced, and the tests
     * that look for the CLI's words fail.
     */
    static String clientText(String key, String after) {
        try {
            String pattern = ResourceBundle.getBundle("io.jenkins.plugins.nexor.client.ValidationMessages",
                    Locale.ROOT).getString(key);
            if (after != null) {
                int at = pattern.lastIndexOf(after);
                if (at < 0 || pattern.indexOf('{', at) >= 0) {
                    return null;
                }
                pattern = pattern.substring(at + after.length());
            }
            return new MessageFormat(pattern, Locale.ROOT).format(new Object[0]);
        } catch (MissingResourceException | IllegalArgumentException gone) {
            return null;
        }
    }
}
